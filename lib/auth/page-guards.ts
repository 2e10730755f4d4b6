import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { getViewer, type Viewer } from "./guards";
import { STAFF_ROLES } from "./roles";

/** For pages: the signed-in viewer, or a redirect to sign-in that comes back to `path`. */
export async function requireViewerPage(locale: string, path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`);
  return viewer;
}

/** For pages under /admin: staff only; everyone else is sent to the forbidden page. */
export async function requireStaffPage(locale: string, path: string, roles: readonly Role[] = STAFF_ROLES): Promise<Viewer> {
  const viewer = await requireViewerPage(locale, `/admin${path}`);
  if (!roles.includes(viewer.role)) redirect(`/${locale}/forbidden`);
  return viewer;
}
