import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteExpiredRateLimitBuckets, hitRateLimit, RATE_LIMIT_POLICIES } from "@/lib/http/rate-limit";

describe("rate limiter", () => {
  it("lets exactly `limit` of many concurrent hits through", async () => {
    const { limit } = RATE_LIMIT_POLICIES["sign-in:email"];
    const results = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit("sign-in:email", "burst@example.test")));
    expect(results.filter((r) => r.allowed)).toHaveLength(limit);
    expect(results.every((r) => r.limit === limit && r.resetSec > 0)).toBe(true);
    expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
  });

  it("opens again in the next window and cleans up expired buckets", async () => {
    const { limit, windowSec } = RATE_LIMIT_POLICIES["sign-in:email"];
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < limit; i++) await hitRateLimit("sign-in:email", "window@example.test", db, t0);
    expect((await hitRateLimit("sign-in:email", "window@example.test", db, t0)).allowed).toBe(false);
    expect((await hitRateLimit("sign-in:email", "window@example.test", db, t0 + windowSec * 1000)).allowed).toBe(true);
    expect(await deleteExpiredRateLimitBuckets(new Date(t0 + windowSec * 1000 + 1))).toBeGreaterThan(0);
  });
});
