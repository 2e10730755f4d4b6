import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { MemoryStore } from "./memory-store";
import type { SharedStore } from "./shared-store";
import { createUpstashStore } from "./upstash-store";
import { createRedisStore } from "./redis-store";
import { withLocalFallback } from "./local-fallback";

const globalForStore = globalThis as unknown as { keyfrontSharedStore?: SharedStore };

/** The shared tier this process uses: Upstash when configured, else REDIS_URL, else in-process. */
export function getSharedStore(): SharedStore {
  if (!globalForStore.keyfrontSharedStore) {
    const env = getEnv();
    if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
      globalForStore.keyfrontSharedStore = withLocalFallback(createUpstashStore(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN));
    } else if (env.REDIS_URL) {
      globalForStore.keyfrontSharedStore = withLocalFallback(createRedisStore(env.REDIS_URL).store);
    } else {
      globalForStore.keyfrontSharedStore = new MemoryStore();
    }
    logger.info("cache store", { kind: globalForStore.keyfrontSharedStore.kind });
  }
  return globalForStore.keyfrontSharedStore;
}

/** Tests swap the store (e.g. for a Redis behind the Upstash REST shim). */
export function setSharedStore(store: SharedStore | undefined): void {
  globalForStore.keyfrontSharedStore = store;
}
