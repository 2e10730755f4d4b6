import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const ROLES = ["CUSTOMER", "SUPPORT", "ADMIN"] as const satisfies readonly Role[];
/** Roles that may open /admin. Support staff read; admins also change. */
export const STAFF_ROLES: readonly Role[] = ["ADMIN", "SUPPORT"];
export const ADMIN_ROLES: readonly Role[] = ["ADMIN"];

/** The signed-in user as the app sees it (from the session, re-read from the database). */
export type Viewer = { id: string; email: string; name: string | null; role: Role; locale: string };

/** Throws unless the viewer has one of the roles. Every admin action calls this in its domain function. */
export function assertRole(viewer: Viewer | null, roles: readonly Role[]): asserts viewer is Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!roles.includes(viewer.role)) throw new AppError("FORBIDDEN", "You do not have access to this area.");
}
