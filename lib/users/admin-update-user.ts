import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ADMIN_ROLES, ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";

const targetSchema = z.object({ userId: z.string().regex(/^usr_[0-9A-Z]{26}$/, "invalid") });
const roleSchema = targetSchema.extend({ role: z.enum(ROLES, { error: "invalid" }) });
const suspendSchema = targetSchema.extend({ suspended: z.enum(["true", "false"]).transform((v) => v === "true") });

type Ctx = { ip?: string | null; requestId?: string | null };

function assertNotSelf(actor: Viewer, userId: string) {
  if (actor.id === userId) throw new AppError("FORBIDDEN", "You cannot change your own account here.");
}

/** Suspends or reinstates a user (admins only). Suspension ends all of the user's sessions. */
export async function setUserSuspended(actor: Viewer | null, input: unknown, ctx: Ctx = {}): Promise<void> {
  assertRole(actor, ADMIN_ROLES);
  const { userId, suspended } = parseInput(suspendSchema, input);
  assertNotSelf(actor, userId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId },
      data: suspended ? { suspendedAt: new Date(), tokenVersion: { increment: 1 } } : { suspendedAt: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "User not found.");
    await recordAudit(tx, { type: "USER", id: actor.id, ...ctx }, suspended ? "user.suspend" : "user.reinstate", { type: "user", id: userId });
  });
}

/** Changes a user's role (admins only), audited with the old and new role. */
export async function setUserRole(actor: Viewer | null, input: unknown, ctx: Ctx = {}): Promise<void> {
  assertRole(actor, ADMIN_ROLES);
  const { userId, role } = parseInput(roleSchema, input);
  assertNotSelf(actor, userId);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new AppError("NOT_FOUND", "User not found.");
    if (before.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { type: "USER", id: actor.id, ...ctx }, "user.role_change", { type: "user", id: userId }, { from: before.role, to: role });
  });
}
