import type { DbOrTx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Every rate-limit policy in one table: how many hits per window, per subject.
export const RATE_LIMIT_POLICIES = {
  "sign-in:ip": { limit: 20, windowSec: 600 },
  "sign-in:email": { limit: 5, windowSec: 600 },
  "sign-up:ip": { limit: 10, windowSec: 3600 },
  "password-reset:ip": { limit: 10, windowSec: 3600 },
  "password-reset:email": { limit: 3, windowSec: 3600 },
  "verify-resend:email": { limit: 3, windowSec: 3600 },
  // Licensing API (counted in the shared cache store, see api-rate-limit.ts)
  "api:validate:ip": { limit: 1200, windowSec: 60 },
  "api:validate:key": { limit: 300, windowSec: 60 },
  "api:activate:ip": { limit: 60, windowSec: 60 },
  "api:activate:key": { limit: 30, windowSec: 60 },
  "api:heartbeat:ip": { limit: 600, windowSec: 60 },
  "api:public:ip": { limit: 300, windowSec: 60 },
  "api:admin:key": { limit: 600, windowSec: 60 },
  // Failed activations from one address before it is blocked for `blockSec`.
  "api:failed-activation:ip": { limit: 20, windowSec: 600, blockSec: 900 },
} as const satisfies Record<string, { limit: number; windowSec: number; blockSec?: number }>;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSec: number;
};

/**
 * Fixed-window counter in PostgreSQL, shared by every app instance. One atomic upsert per hit:
 * concurrent hits can never exceed the limit unnoticed.
 */
export async function hitRateLimit(
  policy: RateLimitPolicy,
  subject: string,
  client: DbOrTx = db,
  now = Date.now(),
): Promise<RateLimitResult> {
  const { limit, windowSec } = RATE_LIMIT_POLICIES[policy];
  const windowStart = Math.floor(now / 1000 / windowSec) * windowSec;
  const expiresAt = new Date((windowStart + windowSec) * 1000);
  const key = `${policy}:${subject}:${windowStart}`;
  const rows = await client.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSec: Math.max(1, Math.ceil(expiresAt.getTime() / 1000 - now / 1000)),
  };
}

/** Throws RATE_LIMITED when the subject is over the policy's limit. */
export async function assertRateLimit(policy: RateLimitPolicy, subject: string): Promise<void> {
  const result = await hitRateLimit(policy, subject);
  if (!result.allowed) {
    throw new AppError("RATE_LIMITED", "Too many attempts. Try again later.", { retryAfterSec: result.resetSec });
  }
}

export async function deleteExpiredRateLimitBuckets(now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
