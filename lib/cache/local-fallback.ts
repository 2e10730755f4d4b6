import { logger } from "@/lib/logger";
import { MemoryStore } from "./memory-store";
import type { SharedStore } from "./shared-store";

const WARN_EVERY_MS = 10_000;

/**
 * While the shared store cannot be reached, rate-limit counters and address blocks (hit/get/set)
 * are kept in this process instead, so the API keeps answering (limits then hold per instance).
 * The license-cache operations are passed through untouched: their callers treat a failure as
 * "do not trust local copies", which a silent fallback would defeat.
 */
export function withLocalFallback(store: SharedStore): SharedStore {
  const local = new MemoryStore();
  let warnedAt = 0;
  const fallback = <T>(op: string, run: () => Promise<T>, alt: () => Promise<T>) =>
    run().catch((err: unknown) => {
      if (Date.now() - warnedAt > WARN_EVERY_MS) {
        warnedAt = Date.now();
        logger.warn("shared store unreachable: rate limits held in this process", { op, err });
      }
      return alt();
    });
  return {
    kind: store.kind,
    get: (key) => fallback("get", () => store.get(key), () => local.get(key)),
    set: (key, value, ttlSec) => fallback("set", () => store.set(key, value, ttlSec), () => local.set(key, value, ttlSec)),
    hit: (key, windowSec) => fallback("hit", () => store.hit(key, windowSec), () => local.hit(key, windowSec)),
    del: (keys) => store.del(keys),
    putVersioned: (key, version, value, ttlSec) => store.putVersioned(key, version, value, ttlSec),
    getVersioned: (key) => store.getVersioned(key),
    publish: (stream, members) => store.publish(stream, members),
    readSince: (stream, cursor) => store.readSince(stream, cursor),
  };
}
