import type { Tx } from "@/lib/db";
import { invalidateLicense } from "@/lib/cache/license-cache";
import { logger } from "@/lib/logger";

// Cached license snapshots carry a few catalog fields (product slug and name; plan name, grace
// period, heartbeat and offline-token policy). A catalog change to one of them marks every
// affected license changed in the same transaction, then drops the cached copies after commit.

export const SNAPSHOT_PRODUCT_FIELDS = ["slug", "name"] as const;
export const SNAPSHOT_PLAN_FIELDS = ["name", "gracePeriodDays", "heartbeatIntervalSec", "heartbeatGraceSec", "offlineTokenTtlSec"] as const;

/** A change that bumps many licenses may wait for their row locks: give it time. */
export const CATALOG_TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

export type StaleLicense = { keyHash: string; version: number };

/** Bumps the version of every license of the plan or product; returns what to invalidate after commit. */
export async function bumpLicensesOf(tx: Tx, of: { planId: string } | { productId: string }): Promise<StaleLicense[]> {
  return "planId" in of
    ? tx.$queryRaw<StaleLicense[]>`UPDATE "License" SET version = version + 1 WHERE "planId" = ${of.planId} RETURNING "keyHash", version`
    : tx.$queryRaw<StaleLicense[]>`UPDATE "License" SET version = version + 1 WHERE "productId" = ${of.productId} RETURNING "keyHash", version`;
}

/**
 * After commit: every process and the shared tier stop serving the older copies. The change has
 * committed, so a cache that cannot be reached is logged, not thrown (copies expire on their own).
 */
export async function invalidateLicenses(stale: readonly StaleLicense[]): Promise<void> {
  const drop = (s: StaleLicense) => invalidateLicense(s.keyHash, s.version).catch((err: unknown) => logger.error("license cache invalidation after commit failed", { err }));
  for (let i = 0; i < stale.length; i += 50) {
    await Promise.all(stale.slice(i, i + 50).map(drop));
  }
}
