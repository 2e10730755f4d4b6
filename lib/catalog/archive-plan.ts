import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, notFound, type CatalogContext } from "./catalog-access";
import { archivePlanSchema } from "./schemas";

/**
 * An admin takes a plan off sale. The row, its prices and policy stay: licenses and orders keep
 * pointing at it, and existing licenses keep validating under it. Nothing is ever deleted here.
 */
export async function archivePlan(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ archived: boolean }> {
  const actor = catalogAdmin(viewer, ctx);
  const { planId } = parseInput(archivePlanSchema, input);
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({
      where: { id: planId },
      select: { productId: true, active: true, _count: { select: { licenses: true, orderItems: true } } },
    });
    if (!plan) throw notFound("plan");
    if (!plan.active) return { archived: false };
    await tx.plan.update({ where: { id: planId }, data: { active: false } });
    await recordAudit(tx, actor, "plan.archived", { type: "plan", id: planId }, {
      productId: plan.productId, licenses: plan._count.licenses, orderItems: plan._count.orderItems,
    });
    return { archived: true };
  });
}
