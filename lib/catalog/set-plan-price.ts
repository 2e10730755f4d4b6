import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, notFound, type CatalogContext } from "./catalog-access";
import { setPriceSchema } from "./schemas";

/** An admin sets a plan's price in one currency (minor units parsed exactly from the decimal typed). */
export async function setPlanPrice(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ amountMinor: bigint; currency: string }> {
  const actor = catalogAdmin(viewer, ctx);
  const { planId, currency, amountMinor } = parseInput(setPriceSchema, input);
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { productId: true, prices: { where: { currency }, select: { amountMinor: true } } } });
    if (!plan) throw notFound("plan");
    const from = plan.prices[0]?.amountMinor ?? null;
    if (from === amountMinor) return { amountMinor, currency };
    await tx.price.upsert({
      where: { planId_currency: { planId, currency } },
      create: { id: newId("price"), planId, currency, amountMinor },
      update: { amountMinor },
    });
    // bigint is not JSON: the audit entry keeps minor units as exact decimal strings.
    await recordAudit(tx, actor, "price.set", { type: "plan", id: planId }, {
      productId: plan.productId, currency, fromMinor: from === null ? null : from.toString(), toMinor: amountMinor.toString(),
    });
    return { amountMinor, currency };
  });
}
