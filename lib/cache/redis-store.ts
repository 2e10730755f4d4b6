import Redis from "ioredis";
import { RedisLikeStore } from "./redis-like-store";

/** A plain Redis over RESP (REDIS_URL), for self-hosters who run their own. */
export function createRedisStore(url: string): { store: RedisLikeStore; close: () => Promise<void> } {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  const store = new RedisLikeStore("redis", {
    get: (key) => redis.get(key),
    mget: (keys) => redis.mget(...keys),
    setEx: async (key, value, ttlSec, onlyIfAbsent) => {
      if (onlyIfAbsent) await redis.set(key, value, "EX", ttlSec, "NX");
      else await redis.set(key, value, "EX", ttlSec);
    },
    del: async (keys) => void (await redis.del(...keys)),
    incrBy: (key, by) => redis.incrby(key, by),
    ttl: (key) => redis.ttl(key),
  });
  return { store, close: async () => void (await redis.quit()) };
}
