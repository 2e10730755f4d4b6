import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSharedStore } from "@/lib/cache/shared";
import { RATE_LIMIT_POLICIES, type RateLimitPolicy, type RateLimitResult } from "./rate-limit";

// Rate limits of the licensing API: fixed windows in the shared cache store (Redis across
// instances, memory when embedded), never in PostgreSQL, so the hot path stays write-free.
export type ApiLimitPolicy = Extract<RateLimitPolicy, `api:${string}`>;

function scaled(limit: number): number {
  return Math.max(1, Math.floor(limit * getEnv().RATE_LIMIT_SCALE));
}

export async function hitApiLimit(policy: ApiLimitPolicy, subject: string): Promise<RateLimitResult> {
  const { windowSec } = RATE_LIMIT_POLICIES[policy];
  const limit = scaled(RATE_LIMIT_POLICIES[policy].limit);
  const { count, ttlSec } = await getSharedStore().hit(`kf:rl:${policy}:${subject}`, windowSec);
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSec: ttlSec };
}

/** Standard RateLimit-* headers (and Retry-After when refused) for the tightest result. */
export function rateLimitHeaders(results: RateLimitResult[]): Record<string, string> {
  if (results.length === 0) return {};
  const tightest = results.reduce((a, b) => (!b.allowed && a.allowed ? b : b.remaining < a.remaining ? b : a));
  const headers: Record<string, string> = {
    "ratelimit-limit": String(tightest.limit),
    "ratelimit-remaining": String(tightest.remaining),
    "ratelimit-reset": String(tightest.resetSec),
  };
  if (!tightest.allowed) headers["retry-after"] = String(tightest.resetSec);
  return headers;
}

/** Counts one hit on each policy; throws RATE_LIMITED (with the headers) when any is exceeded. */
export async function enforceApiLimits(checks: [ApiLimitPolicy, string][]): Promise<Record<string, string>> {
  const results = await Promise.all(checks.map(([policy, subject]) => hitApiLimit(policy, subject)));
  const headers = rateLimitHeaders(results);
  if (results.some((r) => !r.allowed)) {
    throw new AppError("RATE_LIMITED", "Too many requests. Slow down and retry later.", { retryAfterSec: Number(headers["retry-after"]), headers });
  }
  return headers;
}

// fail2ban for key guessing: too many failed activations from one address block it for a while.
// The block's end is stored as its value (and as the key's TTL), so it lifts on time in every store.
type AddressBlockPolicy = { limit: number; windowSec: number; blockSec: number };
const DEFAULT_BLOCK_POLICY: AddressBlockPolicy = RATE_LIMIT_POLICIES["api:failed-activation:ip"];
let blockPolicy = DEFAULT_BLOCK_POLICY;

/**
 * Overrides the address-block policy of this process (tests use a block of a second to see it
 * lift without waiting 15 minutes); called without an argument it restores the default.
 */
export function setAddressBlockPolicy(override?: Partial<AddressBlockPolicy>): void {
  blockPolicy = { ...DEFAULT_BLOCK_POLICY, ...override };
}

const blockKey = (ip: string) => `kf:block:${ip}`;

export async function assertIpNotBlocked(ip: string): Promise<void> {
  const until = await getSharedStore().get(blockKey(ip));
  if (until && Number(until) > Date.now()) {
    const retryAfterSec = Math.max(1, Math.ceil((Number(until) - Date.now()) / 1000));
    throw new AppError("RATE_LIMITED", "This address is temporarily blocked after repeated failed activations.", {
      retryAfterSec, headers: { "retry-after": String(retryAfterSec) },
    });
  }
}

/** Counts a failed activation; returns true when this one tipped the address into a block. */
export async function noteFailedActivation(ip: string): Promise<boolean> {
  const policy = blockPolicy;
  const { count } = await getSharedStore().hit(`kf:rl:api:failed-activation:ip:${ip}`, policy.windowSec);
  if (count < scaled(policy.limit)) return false;
  await getSharedStore().set(blockKey(ip), String(Date.now() + policy.blockSec * 1000), policy.blockSec);
  return true;
}
