// How hard Keyfront tries to deliver an email: retries with exponential backoff, then gives up.

/** Attempts before an email is FAILED for good (about 4 hours of retries). */
export const EMAIL_MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3_600_000;
/** One provider request may take this long before it counts as a (retryable) failure. */
export const EMAIL_REQUEST_TIMEOUT_MS = 30_000;
/** Emails claimed by one deliverer at a time; the claim's lease covers all of them. */
export const EMAIL_CLAIM_CHUNK = 10;
/** A claimed email is invisible to other deliverers until its lease ends (a crashed one's retry). */
export const EMAIL_LEASE_MS = EMAIL_REQUEST_TIMEOUT_MS * EMAIL_CLAIM_CHUNK + 60_000;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(BASE_DELAY_MS * 2 ** exponent, MAX_DELAY_MS);
}

export type ProviderError = { statusCode: number | null; name: string; message: string };

/**
 * Whether a provider error may go away on its own: network failures and timeouts (no status),
 * rate limits, server errors, and a concurrent request with the same idempotency key. Everything
 * else (validation, authentication, a changed payload under one key) fails the same way again.
 */
export function isRetryable(error: ProviderError): boolean {
  const status = error.statusCode;
  if (status === null) return true;
  if (status === 429 || status >= 500) return true;
  return status === 409 && error.name === "concurrent_idempotent_requests";
}
