import { db } from "@/lib/db";
import { graceEndOf, licenseDisplayStatus } from "./display-status";

// Owner-scoped reads for the customer portal. Every read filters on the owner in the query
// itself, so another customer's license is indistinguishable from one that does not exist.
// Key material never leaves beyond the hint; internal notes (suspension reasons) stay out.
const DAY_MS = 86_400_000;

const OWNER_LICENSE_SELECT = {
  id: true, keyHint: true, status: true, seats: true, entitlements: true, expiresAt: true, paymentOverdueAt: true, createdAt: true,
  product: { select: { name: true, slug: true } },
  plan: { select: { name: true, gracePeriodDays: true } },
  _count: { select: { activations: { where: { status: "ACTIVE" as const, countsToLimit: true } } } },
} as const;

type OwnerLicenseRow = {
  status: "ACTIVE" | "SUSPENDED" | "REVOKED";
  expiresAt: Date | null;
  paymentOverdueAt: Date | null;
  plan: { name: string; gracePeriodDays: number };
  _count: { activations: number };
};

function present<R extends OwnerLicenseRow>(row: R, now: number) {
  const { _count, plan, ...l } = row;
  return {
    ...l,
    plan: { name: plan.name },
    activationsUsed: _count.activations,
    displayStatus: licenseDisplayStatus(row, plan.gracePeriodDays, now),
    graceEndsAt: graceEndOf(row.expiresAt, plan.gracePeriodDays),
  };
}

/** A customer's own licenses, newest first. */
export async function listLicensesForOwner(userId: string, now = Date.now()) {
  const rows = await db.license.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: OWNER_LICENSE_SELECT, take: 200 });
  return rows.map((row) => present(row, now));
}

/** One license if and only if it belongs to the user; otherwise null (callers answer 404). */
export async function getLicenseForOwner(userId: string, licenseId: string, now = Date.now()) {
  const row = await db.license.findFirst({ where: { id: licenseId, userId }, select: OWNER_LICENSE_SELECT });
  return row ? present(row, now) : null;
}

/**
 * The portal's license page: the license, its activations (live ones first) and how many
 * self-service releases the plan still allows in its period. Null unless the user owns it.
 */
export async function getLicenseDetailForOwner(userId: string, licenseId: string, now = Date.now()) {
  const row = await db.license.findFirst({
    where: { id: licenseId, userId },
    select: {
      ...OWNER_LICENSE_SELECT,
      keyRotatedAt: true,
      product: { select: { name: true, slug: true, licenseType: true } },
      plan: { select: { name: true, gracePeriodDays: true, reassignmentLimit: true, reassignmentPeriodDays: true, reassignmentCooldownSec: true } },
      activations: {
        orderBy: [{ status: "asc" }, { createdAt: "desc" }],
        take: 200,
        select: { id: true, kind: true, identifier: true, label: true, status: true, countsToLimit: true, lastSeenAt: true, lastHeartbeatAt: true, releasedAt: true, createdAt: true },
      },
    },
  });
  if (!row) return null;
  const { reassignmentLimit, reassignmentPeriodDays, reassignmentCooldownSec } = row.plan;
  const releasesUsed = await db.activationRelease.count({
    where: { licenseId: row.id, counts: true, createdAt: { gt: new Date(now - reassignmentPeriodDays * DAY_MS) } },
  });
  const { activations, ...license } = present(row, now);
  return {
    ...license,
    activations: activations.map(({ lastSeenAt, lastHeartbeatAt, ...a }) => ({ ...a, lastSeenAt: latest(lastSeenAt, lastHeartbeatAt) })),
    releases: { used: releasesUsed, limit: reassignmentLimit, periodDays: reassignmentPeriodDays, cooldownSec: reassignmentCooldownSec },
  };
}

export type OwnerLicenseDetail = NonNullable<Awaited<ReturnType<typeof getLicenseDetailForOwner>>>;

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

export async function countActiveLicenses(userId?: string): Promise<number> {
  return db.license.count({ where: { status: "ACTIVE", ...(userId ? { userId } : {}) } });
}
