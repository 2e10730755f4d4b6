import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, changedFields, isUniqueViolation, notFound, slugTaken, type CatalogContext } from "./catalog-access";
import { CATALOG_TX_OPTIONS, SNAPSHOT_PLAN_FIELDS, bumpLicensesOf, invalidateLicenses, type StaleLicense } from "./license-snapshots";
import { updatePlanSchema } from "./schemas";

const POLICY_SELECT = {
  productId: true, slug: true, name: true, billingInterval: true, durationDays: true, activationLimit: true, reassignmentLimit: true,
  reassignmentPeriodDays: true, reassignmentCooldownSec: true, heartbeatIntervalSec: true, heartbeatGraceSec: true,
  offlineTokenTtlSec: true, gracePeriodDays: true, entitlements: true, channels: true, active: true, sortOrder: true,
} as const;

/**
 * An admin edits a plan's name and licensing policy; the audit entry records each field's old and
 * new value. Existing licenses follow the plan's grace, heartbeat and offline-token policy at once.
 */
export async function updatePlan(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<void> {
  const actor = catalogAdmin(viewer, ctx);
  const { planId, ...policy } = parseInput(updatePlanSchema, input);
  let stale: StaleLicense[] = [];
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.plan.findUnique({ where: { id: planId }, select: POLICY_SELECT });
      if (!before) throw notFound("plan");
      if (before.slug !== policy.slug && (await tx.plan.findUnique({ where: { productId_slug: { productId: before.productId, slug: policy.slug } }, select: { id: true } }))) {
        throw slugTaken();
      }
      const changes = changedFields(before, policy);
      if (Object.keys(changes).length === 0) return;
      await tx.plan.update({ where: { id: planId }, data: policy });
      if (SNAPSHOT_PLAN_FIELDS.some((f) => f in changes)) stale = await bumpLicensesOf(tx, { planId });
      await recordAudit(tx, actor, "plan.updated", { type: "plan", id: planId }, { productId: before.productId, changes } as never);
    }, CATALOG_TX_OPTIONS);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
  await invalidateLicenses(stale);
}
