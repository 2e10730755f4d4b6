import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = { id: string; email: string; name: string | null; role: Role; locale: string };

/**
 * The user a session token belongs to, re-read on every request: a role change, a suspension or
 * a token-version bump ("sign out everywhere") takes effect on the next request.
 */
export async function getSessionUserById(userId: string, tokenVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true, tokenVersion: true, suspendedAt: true },
  });
  if (!user || user.suspendedAt || user.tokenVersion !== tokenVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
