import { Redis } from "@upstash/redis";
import { RedisLikeStore } from "./redis-like-store";

/** Upstash Redis over its REST API (serverless-friendly: no open connections). */
export function createUpstashStore(url: string, token: string): RedisLikeStore {
  const redis = new Redis({ url, token, automaticDeserialization: false, enableTelemetry: false });
  return new RedisLikeStore("upstash", {
    get: (key) => redis.get<string>(key),
    mget: (keys) => redis.mget<(string | null)[]>(...keys),
    setEx: async (key, value, ttlSec, onlyIfAbsent) => {
      if (onlyIfAbsent) await redis.set(key, value, { ex: ttlSec, nx: true });
      else await redis.set(key, value, { ex: ttlSec });
    },
    del: async (keys) => void (await redis.del(...keys)),
    incrBy: (key, by) => redis.incrby(key, by),
    ttl: (key) => redis.ttl(key),
  });
}
