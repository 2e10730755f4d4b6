import { auth } from "./config";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertRole, type Viewer } from "./roles";

export { STAFF_ROLES, ADMIN_ROLES, assertRole, type Viewer } from "./roles";

/** The signed-in user of this request, or null. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await auth();
  return session?.user?.id ? session.user : null;
}

/** Throws UNAUTHENTICATED unless someone is signed in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return viewer;
}

export async function requireRole(roles: readonly Role[]): Promise<Viewer> {
  const viewer = await getViewer();
  assertRole(viewer, roles);
  return viewer;
}
