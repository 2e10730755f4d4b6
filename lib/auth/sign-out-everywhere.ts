import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/** Invalidates every session of the user at once by bumping the token version. */
export async function signOutEverywhere(userId: string, ip?: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
    await recordAudit(tx, { type: "USER", id: userId, ip }, "user.sign_out_everywhere", { type: "user", id: userId });
  });
}
