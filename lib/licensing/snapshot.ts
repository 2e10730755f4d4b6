import type { DbOrTx } from "@/lib/db";
import { db } from "@/lib/db";

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

/** Reads one license by key hash with its live activations (one query); null when unknown. */
export async function loadLicenseSnapshot(keyHash: string, client: DbOrTx = db): Promise<LicenseSnapshot | null> {
  const row = await client.license.findUnique({
    where: { keyHash },
    select: {
      id: true, keyHash: true, version: true, status: true, userId: true, productId: true, planId: true, seats: true,
      entitlements: true, expiresAt: true, paymentOverdueAt: true, createdAt: true,
      product: { select: { slug: true, name: true, licenseType: true } },
      plan: { select: { name: true, gracePeriodDays: true, heartbeatIntervalSec: true, heartbeatGraceSec: true, offlineTokenTtlSec: true } },
      activations: {
        where: { status: { in: ["ACTIVE", "DEAD"] } },
        orderBy: { createdAt: "asc" },
        take: MAX_ACTIVATIONS_IN_SNAPSHOT,
        select: { id: true, kind: true, identifier: true, label: true, status: true, countsToLimit: true, lastHeartbeatAt: true, createdAt: true },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id, keyHash: row.keyHash, version: row.version, status: row.status, userId: row.userId,
    productId: row.productId, productSlug: row.product.slug, productName: row.product.name, planId: row.planId, planName: row.plan.name,
    licenseType: row.product.licenseType, seats: row.seats, entitlements: row.entitlements,
    expiresAt: row.expiresAt?.getTime() ?? null, graceDays: row.plan.gracePeriodDays,
    paymentOverdueAt: row.paymentOverdueAt?.getTime() ?? null,
    heartbeatIntervalSec: row.plan.heartbeatIntervalSec, heartbeatGraceSec: row.plan.heartbeatGraceSec,
    offlineTokenTtlSec: row.plan.offlineTokenTtlSec, createdAt: row.createdAt.getTime(),
    activations: row.activations.map((a) => ({
      id: a.id, kind: a.kind, identifier: a.identifier, label: a.label, status: a.status, countsToLimit: a.countsToLimit,
      lastHeartbeatAt: a.lastHeartbeatAt?.getTime() ?? null, createdAt: a.createdAt.getTime(),
    })),
  };
}
