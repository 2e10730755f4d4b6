import type { DbOrTx } from "@/lib/db";
import { getPgPool } from "@/lib/db";

// Everything a validation needs about one license, as plain JSON: what the caches hold.
export type ActivationState = {
  id: string;
  kind: "FINGERPRINT" | "DOMAIN";
  identifier: string;
  label: string | null;
  status: "ACTIVE" | "RELEASED" | "DEAD";
  countsToLimit: boolean;
  lastHeartbeatAt: number | null;
  createdAt: number;
};

export type LicenseSnapshot = {
  id: string;
  keyHash: string;
  version: number;
  status: "ACTIVE" | "SUSPENDED" | "REVOKED";
  userId: string | null;
  productId: string;
  productSlug: string;
  productName: string;
  planId: string;
  planName: string;
  licenseType: "SOFTWARE" | "SITE";
  seats: number;
  entitlements: string[];
  expiresAt: number | null;
  graceDays: number;
  paymentOverdueAt: number | null;
  heartbeatIntervalSec: number | null;
  heartbeatGraceSec: number;
  offlineTokenTtlSec: number;
  createdAt: number;
  activations: ActivationState[];
};

const MAX_ACTIVATIONS_IN_SNAPSHOT = 1000;

const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint`;

// The whole snapshot in one statement, shaped as JSON by PostgreSQL: a cache miss costs one round
// trip instead of one per relation. Timestamps are UTC wall-clock values (Prisma's DateTime), so
// their epoch is taken as written. Activations: the live and dead ones, oldest first.
const snapshotSql = (where: string) => `
SELECT json_build_object(
  'id', l."id", 'keyHash', l."keyHash", 'version', l."version", 'status', l."status"::text, 'userId', l."userId",
  'productId', l."productId", 'productSlug', p."slug", 'productName', p."name", 'planId', l."planId", 'planName', pl."name",
  'licenseType', p."licenseType"::text, 'seats', l."seats", 'entitlements', to_json(l."entitlements"),
  'expiresAt', ${epochMs('l."expiresAt"')}, 'graceDays', pl."gracePeriodDays",
  'paymentOverdueAt', ${epochMs('l."paymentOverdueAt"')},
  'heartbeatIntervalSec', pl."heartbeatIntervalSec", 'heartbeatGraceSec', pl."heartbeatGraceSec",
  'offlineTokenTtlSec', pl."offlineTokenTtlSec", 'createdAt', ${epochMs('l."createdAt"')},
  'activations', acts.list
)::text AS snapshot
FROM "License" l
JOIN "Product" p ON p."id" = l."productId"
JOIN "Plan" pl ON pl."id" = l."planId"
LEFT JOIN LATERAL (
  SELECT coalesce(json_agg(json_build_object(
    'id', a."id", 'kind', a."kind"::text, 'identifier', a."identifier", 'label', a."label", 'status', a."status"::text,
    'countsToLimit', a."countsToLimit", 'lastHeartbeatAt', ${epochMs('a."lastHeartbeatAt"')}, 'createdAt', ${epochMs('a."createdAt"')}
  ) ORDER BY a."createdAt", a."id"), '[]'::json) AS list
  FROM (
    SELECT * FROM "Activation"
    WHERE "licenseId" = l."id" AND "status" IN ('ACTIVE', 'DEAD')
    ORDER BY "createdAt", "id"
    LIMIT ${MAX_ACTIVATIONS_IN_SNAPSHOT}
  ) a
) acts ON true
WHERE ${where}`;

const SNAPSHOT_SQL = snapshotSql(`l."keyHash" = $1`);
const SNAPSHOTS_SQL = snapshotSql(`l."keyHash" = ANY($1::text[])`);

/**
 * Reads one license by key hash with its live activations; null when unknown. One statement:
 * on the pool, or inside the caller's transaction (the hot path's misses go through
 * snapshot-batches.ts, which reads several at once).
 */
export async function loadLicenseSnapshot(keyHash: string, client?: DbOrTx): Promise<LicenseSnapshot | null> {
  if (!client) return (await loadLicenseSnapshots([keyHash])).get(keyHash) ?? null;
  const row = (await client.$queryRawUnsafe<{ snapshot: string }[]>(SNAPSHOT_SQL, keyHash))[0];
  return row ? (JSON.parse(row.snapshot) as LicenseSnapshot) : null;
}

/** Reads several licenses by key hash in one statement on the pool: the snapshots found, by key hash. */
export async function loadLicenseSnapshots(keyHashes: string[]): Promise<Map<string, LicenseSnapshot>> {
  const { rows } = await getPgPool().query<{ snapshot: string }>({ name: "kf_license_snapshots", text: SNAPSHOTS_SQL, values: [keyHashes] });
  const found = new Map<string, LicenseSnapshot>();
  for (const row of rows) {
    const snapshot = JSON.parse(row.snapshot) as LicenseSnapshot;
    found.set(snapshot.keyHash, snapshot);
  }
  return found;
}
