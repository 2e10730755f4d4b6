import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, type CatalogContext } from "./catalog-access";
import { removePriceSchema } from "./schemas";

/** An admin removes a plan's price in one currency; that currency then converts from another price. */
export async function removePlanPrice(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ removed: boolean }> {
  const actor = catalogAdmin(viewer, ctx);
  const { planId, currency } = parseInput(removePriceSchema, input);
  return db.$transaction(async (tx) => {
    const price = await tx.price.findUnique({ where: { planId_currency: { planId, currency } }, select: { id: true, amountMinor: true } });
    if (!price) return { removed: false };
    await tx.price.delete({ where: { id: price.id } });
    await recordAudit(tx, actor, "price.removed", { type: "plan", id: planId }, { currency, fromMinor: price.amountMinor.toString() });
    return { removed: true };
  });
}
