import { describe, expect, it } from "vitest";
import { EMAIL_LEASE_MS, EMAIL_MAX_ATTEMPTS, EMAIL_REQUEST_TIMEOUT_MS, EMAIL_CLAIM_CHUNK, isRetryable, retryDelayMs } from "./delivery-policy";

describe("retryDelayMs", () => {
  it("doubles from 30 seconds and stops growing at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
    expect(retryDelayMs(50)).toBe(3_600_000);
    expect(retryDelayMs(0)).toBe(30_000);
  });

  it("keeps retrying for hours before giving up", () => {
    const total = Array.from({ length: EMAIL_MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3 * 3_600_000);
  });

  it("a claim's lease outlasts every request of the claimed chunk", () => {
    expect(EMAIL_LEASE_MS).toBeGreaterThan(EMAIL_REQUEST_TIMEOUT_MS * EMAIL_CLAIM_CHUNK);
  });
});

describe("isRetryable", () => {
  const error = (statusCode: number | null, name = "application_error") => ({ statusCode, name, message: "" });

  it("retries network failures, rate limits, server errors and a concurrent request with one key", () => {
    expect(isRetryable(error(null))).toBe(true);
    expect(isRetryable(error(429, "rate_limit_exceeded"))).toBe(true);
    expect(isRetryable(error(500, "internal_server_error"))).toBe(true);
    expect(isRetryable(error(503))).toBe(true);
    expect(isRetryable(error(409, "concurrent_idempotent_requests"))).toBe(true);
  });

  it("does not retry what fails the same way again", () => {
    expect(isRetryable(error(422, "validation_error"))).toBe(false);
    expect(isRetryable(error(422, "missing_required_field"))).toBe(false);
    expect(isRetryable(error(401, "missing_api_key"))).toBe(false);
    expect(isRetryable(error(403, "invalid_api_key"))).toBe(false);
    expect(isRetryable(error(409, "invalid_idempotent_request"))).toBe(false);
    expect(isRetryable(error(400, "invalid_idempotency_key"))).toBe(false);
  });
});
