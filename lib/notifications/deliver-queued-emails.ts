import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  EMAIL_CLAIM_CHUNK, EMAIL_LEASE_MS, EMAIL_MAX_ATTEMPTS, EMAIL_REQUEST_TIMEOUT_MS,
  isRetryable, retryDelayMs, type ProviderError,
} from "./delivery-policy";
import { resendClient } from "./resend-client";

type Claimed = { id: string; to: string; subject: string; html: string; text: string; attempts: number };

export type DeliveryReport = { claimed: number; sent: number; outbox: number; retrying: number; failed: number };

/**
 * Claims due queued emails (FOR UPDATE SKIP LOCKED, so any number of app instances can run this
 * at once without two claiming the same row) and delivers them: through Resend when configured,
 * with the email's id as Resend's idempotency key, or into the local outbox. A claim bumps
 * `attempts` and moves `nextAttemptAt` past a lease, so a deliverer that dies mid-send leaves the
 * row to be retried when the lease ends; Resend's idempotency key keeps that retry from sending
 * twice. Results are written only by the claim that still owns the row (same attempt count).
 */
export async function deliverQueuedEmails(
  options: { limit?: number; now?: Date; ids?: readonly string[] } = {},
): Promise<DeliveryReport> {
  const limit = Math.max(1, Math.min(options.limit ?? 50, 1000));
  const now = options.now ?? new Date();
  const report: DeliveryReport = { claimed: 0, sent: 0, outbox: 0, retrying: 0, failed: 0 };
  await failExhausted(now, options.ids);
  while (report.claimed < limit) {
    const batch = await claimDueEmails(Math.min(EMAIL_CLAIM_CHUNK, limit - report.claimed), now, options.ids);
    if (batch.length === 0) break;
    report.claimed += batch.length;
    for (const email of batch) report[await deliverOne(email, now)] += 1;
  }
  return report;
}

async function claimDueEmails(take: number, now: Date, ids: readonly string[] | undefined): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + EMAIL_LEASE_MS);
  const onlyIds = ids ? Prisma.sql`AND id = ANY(${[...ids]}::text[])` : Prisma.empty;
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id FROM "Email"
      WHERE status = 'QUEUED' AND "nextAttemptAt" <= ${now} AND attempts < ${EMAIL_MAX_ATTEMPTS} ${onlyIds}
      ORDER BY "nextAttemptAt", id
      LIMIT ${take}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Email" AS e SET attempts = e.attempts + 1, "nextAttemptAt" = ${leaseUntil}
    FROM due WHERE e.id = due.id
    RETURNING e.id, e."to", e.subject, e.html, e.text, e.attempts`;
}

/** Rows whose last attempt was interrupted (lease over, no attempts left) are given up. */
async function failExhausted(now: Date, ids: readonly string[] | undefined) {
  await db.email.updateMany({
    where: { status: "QUEUED", attempts: { gte: EMAIL_MAX_ATTEMPTS }, nextAttemptAt: { lte: now }, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { status: "FAILED", error: "delivery interrupted on the last attempt" },
  });
}

type Outcome = "sent" | "outbox" | "retrying" | "failed";

async function deliverOne(email: Claimed, now: Date): Promise<Outcome> {
  const owned = { id: email.id, status: "QUEUED" as const, attempts: email.attempts };
  const client = resendClient();
  if (!client) {
    await db.email.updateMany({ where: owned, data: { status: "OUTBOX", sentAt: new Date(), error: null } });
    return "outbox";
  }
  const result = await client.emails
    .send(
      { from: getEnv().EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
      { idempotencyKey: email.id, signal: AbortSignal.timeout(EMAIL_REQUEST_TIMEOUT_MS) },
    )
    .catch((err: unknown): { data: null; error: ProviderError } => ({
      data: null,
      error: { statusCode: null, name: "application_error", message: err instanceof Error ? err.message : String(err) },
    }));
  if (result.data) {
    await db.email.updateMany({ where: owned, data: { status: "SENT", providerId: result.data.id, sentAt: new Date(), error: null } });
    return "sent";
  }
  const error: ProviderError = result.error ?? { statusCode: null, name: "application_error", message: "empty response" };
  const detail = `${error.statusCode ?? "network"} ${error.name}: ${error.message}`.slice(0, 500);
  if (isRetryable(error) && email.attempts < EMAIL_MAX_ATTEMPTS) {
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(email.attempts));
    await db.email.updateMany({ where: owned, data: { nextAttemptAt, error: detail } });
    logger.warn("email delivery failed, will retry", { emailId: email.id, attempts: email.attempts, nextAttemptAt, error: detail });
    return "retrying";
  }
  await db.email.updateMany({ where: owned, data: { status: "FAILED", error: detail } });
  logger.error("email delivery failed for good", { emailId: email.id, attempts: email.attempts, error: detail });
  return "failed";
}
