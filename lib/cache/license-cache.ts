import { logger } from "@/lib/logger";
import type { LicenseSnapshot } from "@/lib/licensing/snapshot";
import { loadSnapshotBatched } from "@/lib/licensing/snapshot-batches";
import { Lru } from "./lru";
import { getSharedStore } from "./shared";

// Validation state, three tiers: this process's LRU → the shared store (Redis) → PostgreSQL.
//
// Every state change calls invalidateLicense(keyHash, version) after its commit. Other processes
// learn of it from the invalidation stream they poll every POLL_MS, drop their local copy, and
// remember the version: a copy older than that (still in Redis, or loaded by a read that raced
// the change) is never served again. In the shared tier a change leaves a tombstone with its
// version, and copies are written only over older versions, so a read that raced the change can
// never store a stale copy there either. If polling stalls, the local tier is bypassed.
const STREAM = "kf:inv";
const POLL_MS = 200;
const POLL_STALE_MS = 2_000;
const LOCAL_TTL_MS = 60_000;
const SHARED_TTL_SEC = 3_600;
const NEGATIVE_TTL_MS = 30_000;
const LOCAL_MAX = 200_000;

type Local = { snapshot: LicenseSnapshot | null };

// One state per process, even when two bundles (Next's and the fast dispatcher's) load this module.
const globalForCache = globalThis as unknown as { keyfrontLicenseCache?: ReturnType<typeof createState> };

const createState = () => ({
  local: new Lru<Local>(LOCAL_MAX, LOCAL_TTL_MS),
  negative: new Lru<true>(50_000, NEGATIVE_TTL_MS),
  minVersion: new Lru<number>(100_000, SHARED_TTL_SEC * 1000),
  cursor: "",
  lastPollOk: 0,
  poller: undefined as NodeJS.Timeout | undefined,
  /** cache misses being read from the database, by key hash: concurrent misses share one read */
  loading: new Map<string, Promise<LicenseSnapshot | null>>(),
  polling: false,
  stats: { localHits: 0, sharedHits: 0, dbLoads: 0, invalidations: 0 },
});

const state = (globalForCache.keyfrontLicenseCache ??= createState());

export const cacheStats = state.stats;

const sharedKey = (keyHash: string) => `kf:lic:${keyHash}`;

function isCurrent(keyHash: string, snapshot: LicenseSnapshot): boolean {
  return snapshot.version >= (state.minVersion.get(keyHash) ?? -1);
}

function forget(keyHash: string, version?: number) {
  state.local.delete(keyHash);
  // A read that started before this change may return the old state to those already waiting
  // on it; later misses start their own read.
  state.loading.delete(keyHash);
  state.negative.delete(keyHash);
  if (version !== undefined && version > (state.minVersion.get(keyHash) ?? -1)) state.minVersion.set(keyHash, version);
}

async function poll() {
  if (state.polling) return;
  state.polling = true;
  try {
    const batch = await getSharedStore().readSince(STREAM, state.cursor);
    if (batch.gap) {
      state.local.clear();
      state.negative.clear();
    }
    for (const member of batch.members) {
      const [keyHash, version] = member.split(":");
      forget(keyHash!, version === undefined ? undefined : Number(version));
    }
    state.cursor = batch.cursor;
    state.lastPollOk = Date.now();
  } catch (err) {
    logger.warn("cache invalidation poll failed", { err });
  } finally {
    state.polling = false;
  }
}

function distributed(): boolean {
  return getSharedStore().kind !== "memory";
}

/** Starts following the invalidation stream (no-op for the single-process memory store). */
export async function startInvalidationPolling(): Promise<void> {
  if (!distributed() || state.poller) return;
  state.poller = setInterval(poll, POLL_MS);
  state.poller.unref();
  await poll();
}

function localUsable(): boolean {
  if (!distributed()) return true;
  if (!state.poller) void startInvalidationPolling();
  return Date.now() - state.lastPollOk < POLL_STALE_MS;
}

/** The license behind a key hash, from the fastest tier that has a current copy. */
export async function getLicenseSnapshot(keyHash: string): Promise<LicenseSnapshot | null> {
  const useLocal = localUsable();
  if (useLocal) {
    const hit = state.local.get(keyHash);
    if (hit && (hit.snapshot === null || isCurrent(keyHash, hit.snapshot))) {
      cacheStats.localHits++;
      return hit.snapshot;
    }
    if (state.negative.get(keyHash)) {
      cacheStats.localHits++;
      return null;
    }
  }
  if (distributed()) {
    try {
      const stored = await getSharedStore().getVersioned(sharedKey(keyHash));
      if (stored) {
        // A tombstone (or an older copy) still teaches the version below which nothing is current.
        if (stored.value === null) forget(keyHash, stored.version);
        else {
          const snapshot = JSON.parse(stored.value) as LicenseSnapshot;
          if (isCurrent(keyHash, snapshot)) {
            cacheStats.sharedHits++;
            state.local.set(keyHash, { snapshot });
            return snapshot;
          }
        }
      }
    } catch (err) {
      logger.warn("shared cache read failed", { err });
    }
  }
  return loadShared(keyHash);
}

/** A cache miss: joins the read already running for this key hash, or starts one. */
function loadShared(keyHash: string): Promise<LicenseSnapshot | null> {
  const running = state.loading.get(keyHash);
  if (running) return running;
  const load = loadAndStore(keyHash).finally(() => {
    if (state.loading.get(keyHash) === load) state.loading.delete(keyHash);
  });
  state.loading.set(keyHash, load);
  return load;
}

/**
 * Reads the database and refreshes both tiers (also used to pre-warm a new key, and after a
 * change: it never joins a read that may have started before the change committed).
 */
export async function loadAndStore(keyHash: string): Promise<LicenseSnapshot | null> {
  cacheStats.dbLoads++;
  const snapshot = await loadSnapshotBatched(keyHash);
  if (!snapshot) {
    state.negative.set(keyHash, true);
    return null;
  }
  if (!isCurrent(keyHash, snapshot)) return snapshot;
  state.local.set(keyHash, { snapshot });
  if (distributed()) {
    // Versioned write: a read that raced a change cannot put its older copy back over the
    // change's tombstone or a newer copy another instance stored meanwhile.
    await getSharedStore()
      .putVersioned(sharedKey(keyHash), snapshot.version, JSON.stringify(snapshot), SHARED_TTL_SEC)
      .catch((err) => logger.warn("shared cache write failed", { err }));
  }
  return snapshot;
}

/**
 * Call after a committed change to the license (or its activations) with its new version:
 * drops every copy everywhere and refuses older copies from now on.
 */
export async function invalidateLicense(keyHash: string, version: number): Promise<void> {
  cacheStats.invalidations++;
  forget(keyHash, version);
  if (!distributed()) return;
  const store = getSharedStore();
  try {
    await store.putVersioned(sharedKey(keyHash), version, null, SHARED_TTL_SEC);
    await store.publish(STREAM, [`${keyHash}:${version}`]);
  } catch (err) {
    // The change is committed; other instances stop trusting their copies when polling fails.
    logger.error("cache invalidation failed", { err, keyHash });
  }
}

/** Empties this process's tiers (benchmarks measure a cold cache with it). */
export function clearLocalLicenseCache(): void {
  state.local.clear();
  state.loading.clear();
  state.negative.clear();
}
