import type { DbOrTx } from "@/lib/db";
import { newId } from "@/lib/ids";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  locale: string;
};

/**
 * Queues an email inside the caller's transaction (transactional outbox): the row commits or rolls
 * back with the business change it reports, so an email exists if and only if that change
 * happened. The same idempotency key never makes a second row, also under concurrent callers
 * (INSERT … ON CONFLICT DO NOTHING waits for a racing insert and then skips). Call `deliverSoon()`
 * once the transaction has committed; the periodic sweep delivers anything left behind.
 */
export async function enqueueEmail(
  tx: DbOrTx,
  email: OutgoingEmail,
  options: { idempotencyKey: string },
): Promise<{ id: string; created: boolean }> {
  const key = options.idempotencyKey;
  if (!key || key.length > 256) throw new Error("enqueueEmail: the idempotency key must be 1-256 characters");
  const id = newId("email");
  const { count } = await tx.email.createMany({
    // due now by the app's clock, the clock the deliverer compares with (not the database's)
    data: [{ id, ...email, idempotencyKey: key, status: "QUEUED", nextAttemptAt: new Date() }],
    skipDuplicates: true,
  });
  if (count === 1) return { id, created: true };
  const existing = await tx.email.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { id: true } });
  return { id: existing.id, created: false };
}
