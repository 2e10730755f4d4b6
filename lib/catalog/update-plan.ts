import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, changedFields, isUniqueViolation, notFound, slugTaken, type CatalogContext } from "./catalog-access";
import { updatePlanSchema } from "./schemas";

const POLICY_SELECT = {
  productId: true, slug: true, name: true, billingInterval: true, durationDays: true, activationLimit: true, reassignmentLimit: true,
  reassignmentPeriodDays: true, reassignmentCooldownSec: true, heartbeatIntervalSec: true, heartbeatGraceSec: true,
  offlineTokenTtlSec: true, gracePeriodDays: true, entitlements: true, channels: true, active: true, sortOrder: true,
} as const;

/** An admin edits a plan's name and licensing policy; the audit entry records each field's old and new value. */
export async function updatePlan(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<void> {
  const actor = catalogAdmin(viewer, ctx);
  const { planId, ...policy } = parseInput(updatePlanSchema, input);
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
      await recordAudit(tx, actor, "plan.updated", { type: "plan", id: planId }, { productId: before.productId, changes } as never);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}
