import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, isUniqueViolation, notFound, slugTaken, type CatalogContext } from "./catalog-access";
import { createPlanSchema } from "./schemas";

/** An admin adds a plan with its full licensing policy to a product. */
export async function createPlan(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ id: string }> {
  const actor = catalogAdmin(viewer, ctx);
  const { productId, ...policy } = parseInput(createPlanSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } }))) throw notFound("product");
      if (await tx.plan.findUnique({ where: { productId_slug: { productId, slug: policy.slug } }, select: { id: true } })) throw slugTaken();
      const plan = await tx.plan.create({ data: { id: newId("plan"), productId, ...policy }, select: { id: true } });
      await recordAudit(tx, actor, "plan.created", { type: "plan", id: plan.id }, { productId, ...policy });
      return plan;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}
