import { db } from "@/lib/db";
import { deliverQueuedEmails } from "./deliver-queued-emails";
import { enqueueEmail, type OutgoingEmail } from "./enqueue-email";

export type { OutgoingEmail } from "./enqueue-email";

/**
 * Sends one email now, outside any business transaction (account emails): queues it like every
 * other email and delivers it at once, so retries, idempotency and the outbox work the same way.
 * A failed first attempt stays queued for the sweep. Returns the email id.
 */
export async function sendEmail(email: OutgoingEmail, options: { idempotencyKey?: string } = {}): Promise<string> {
  const { id } = await enqueueEmail(db, email, { idempotencyKey: options.idempotencyKey ?? `once:${crypto.randomUUID()}` });
  await deliverQueuedEmails({ ids: [id], limit: 1 });
  return id;
}
