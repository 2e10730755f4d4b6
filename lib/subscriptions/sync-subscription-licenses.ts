import type { Tx } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { bumpLicenseVersion } from "@/lib/licensing/locked-license";
import type { StaleLicense } from "@/lib/catalog/license-snapshots";
import { licenseFieldsChanged, projectLicense, type BillingState, type LicenseBillingFields } from "./billing-state";

export type SyncedSubscription = BillingState & { id: string; orderId: string | null; planId: string };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const describe = (f: LicenseBillingFields) => ({ status: f.status, suspendedReason: f.suspendedReason, expiresAt: iso(f.expiresAt), paymentOverdueAt: iso(f.paymentOverdueAt) });

/**
 * Inside the caller's transaction (which holds the subscription's row lock): links the order's
 * licenses of the subscription's plan that are not linked yet, then gives every license of the
 * subscription the state the subscription implies. Each changed license is row-locked, gets a new
 * version and an audit entry; the caller invalidates the returned copies after commit.
 */
export async function syncSubscriptionLicenses(tx: Tx, sub: SyncedSubscription, actor: AuditActor, cause: string): Promise<StaleLicense[]> {
  const linked = new Set<string>();
  if (sub.orderId) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "License" SET "subscriptionId" = ${sub.id}, "updatedAt" = now()
      WHERE "subscriptionId" IS NULL AND "planId" = ${sub.planId}
        AND "orderItemId" IN (SELECT id FROM "OrderItem" WHERE "orderId" = ${sub.orderId})
      RETURNING id`;
    for (const r of rows) linked.add(r.id);
  }
  await tx.$queryRaw`SELECT id FROM "License" WHERE "subscriptionId" = ${sub.id} ORDER BY id FOR UPDATE`;
  const licenses = await tx.license.findMany({
    where: { subscriptionId: sub.id },
    orderBy: { id: "asc" },
    select: { id: true, keyHash: true, status: true, suspendedReason: true, expiresAt: true, paymentOverdueAt: true },
  });
  const stale: StaleLicense[] = [];
  for (const l of licenses) {
    const next = projectLicense(sub, l, linked.has(l.id));
    if (!licenseFieldsChanged(l, next)) continue;
    await tx.license.update({ where: { id: l.id }, data: next });
    const version = await bumpLicenseVersion(tx, l.id);
    const action = next.status === "REVOKED" ? "license.revoked" : next.status === "ACTIVE" && l.status === "SUSPENDED" ? "license.reinstated" : "license.subscription_synced";
    await recordAudit(tx, actor, action, { type: "license", id: l.id }, { subscriptionId: sub.id, cause, from: describe(l), to: describe(next) });
    stale.push({ keyHash: l.keyHash, version });
  }
  return stale;
}
