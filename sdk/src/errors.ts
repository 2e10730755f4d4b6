// What a client call can throw. Licensing decisions (valid or not) are never errors.
import type { TokenFailure } from "./types.js";

/** The API refused the request: 4xx/5xx with { error: { code, message, fields? } }. */
export class KeyfrontApiError extends Error {
  readonly status: number;
  /** e.g. VALIDATION_FAILED, BAD_REQUEST, RATE_LIMITED, INTERNAL, UNAVAILABLE (HTTP_<status> without an error body) */
  readonly code: string;
  /** Field → messages, for VALIDATION_FAILED. */
  readonly fields: Record<string, string[]>;
  /** Seconds to wait before retrying (Retry-After), or null. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;

  constructor(init: { status: number; code: string; message: string; fields?: Record<string, string[]>; retryAfter?: number | null; requestId?: string | null }) {
    super(init.message);
    this.name = "KeyfrontApiError";
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
  }
}

/** The API could not be reached: connection refused, DNS, TLS, or the request timed out. */
export class KeyfrontNetworkError extends Error {
  readonly timedOut: boolean;

  constructor(message: string, options: { cause?: unknown; timedOut?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = "KeyfrontNetworkError";
    this.timedOut = options.timedOut ?? false;
  }
}

/** An answer arrived but its signed receipt or token cannot be trusted (or the body is not an API answer). */
export class KeyfrontVerificationError extends Error {
  readonly reason: TokenFailure | "NONCE_MISMATCH" | "RECEIPT_MISMATCH" | "UNEXPECTED_RESPONSE";

  constructor(reason: KeyfrontVerificationError["reason"], message: string) {
    super(message);
    this.name = "KeyfrontVerificationError";
    this.reason = reason;
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
