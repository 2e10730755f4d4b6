import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { invalidateLicenses } from "@/lib/catalog/license-snapshots";
import { LICENSE_TX_OPTIONS } from "@/lib/licensing/locked-license";
import { OVERDUE_REASON } from "./billing-state";

/**
 * The sweep after a failed payment's grace: every ACTIVE license whose payment has been overdue
 * longer than its plan's grace period (Plan.gracePeriodDays) becomes SUSPENDED (reason
 * payment_overdue), with a new version and an audit entry, in one statement; caches are
 * invalidated after commit. Concurrent sweeps suspend each license once. A later paid invoice
 * reinstates it (see billing-state.ts).
 */
export async function suspendOverdueLicenses(now: Date = new Date()): Promise<{ suspended: string[] }> {
  const rows = await db.$transaction(async (tx) => {
    const updated = await tx.$queryRaw<{ id: string; keyHash: string; version: number; paymentOverdueAt: Date }[]>`
      UPDATE "License" l
      SET status = 'SUSPENDED', "suspendedReason" = ${OVERDUE_REASON}, version = l.version + 1, "updatedAt" = ${now}
      FROM "Plan" p
      WHERE p.id = l."planId" AND l.status = 'ACTIVE' AND l."paymentOverdueAt" IS NOT NULL
        AND l."paymentOverdueAt" + make_interval(days => p."gracePeriodDays") <= ${now}
      RETURNING l.id, l."keyHash", l.version, l."paymentOverdueAt"`;
    if (updated.length) {
      await tx.auditLog.createMany({
        data: updated.map((l) => ({
          id: newId("audit"), actorType: "SYSTEM" as const, action: "license.suspended", targetType: "license", targetId: l.id,
          data: { from: "ACTIVE", reason: OVERDUE_REASON, overdueSince: new Date(l.paymentOverdueAt).toISOString() },
        })),
      });
    }
    return updated;
  }, LICENSE_TX_OPTIONS);
  await invalidateLicenses(rows);
  return { suspended: rows.map((r) => r.id) };
}
