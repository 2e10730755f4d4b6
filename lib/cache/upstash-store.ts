import { Redis } from "@upstash/redis";
import { RedisLikeStore } from "./redis-like-store";

// A cache answers fast or not at all: one quick retry, and a deadline per request, so an outage
// costs each request a bounded delay before the caller falls back (database, local counters).
const REQUEST_TIMEOUT_MS = 1_000;

/** Upstash Redis over its REST API (serverless-friendly: no open connections). */
export function createUpstashStore(url: string, token: string): RedisLikeStore {
  const redis = new Redis({
    url,
    token,
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return new RedisLikeStore("upstash", {
    get: (key) => redis.get<string>(key),
    setEx: async (key, value, ttlSec) => void (await redis.set(key, value, { ex: ttlSec })),
    del: async (keys) => void (await redis.del(...keys)),
    eval: (script, keys, args) => redis.eval(script, keys, args),
  });
}
