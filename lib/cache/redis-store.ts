import Redis from "ioredis";
import { RedisLikeStore } from "./redis-like-store";

/** A plain Redis over RESP (REDIS_URL), for self-hosters who run their own. */
export function createRedisStore(url: string): { store: RedisLikeStore; close: () => Promise<void> } {
  // Commands fail after a short deadline instead of queueing through an outage (callers fall back).
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, enableOfflineQueue: true, lazyConnect: false, protocol: 2 });
  const store = new RedisLikeStore("redis", {
    get: (key) => redis.get(key),
    setEx: async (key, value, ttlSec) => void (await redis.set(key, value, "EX", ttlSec)),
    del: async (keys) => void (await redis.del(...keys)),
    eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args),
  });
  return { store, close: async () => void (await redis.quit()) };
}
