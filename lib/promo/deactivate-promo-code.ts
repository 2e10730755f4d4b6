import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { promoAdmin, promoNotFound, type PromoContext } from "./promo-access";
import { deactivatePromoCodeSchema } from "./schemas";

/**
 * An admin switches a promo code off: checkouts refuse it from now on (INACTIVE); orders that
 * already use it keep their discount. Deactivating an inactive code changes nothing.
 */
export async function deactivatePromoCode(viewer: Viewer | null, input: unknown, ctx: PromoContext = {}): Promise<{ changed: boolean }> {
  const actor = promoAdmin(viewer, ctx);
  const { promoCodeId } = parseInput(deactivatePromoCodeSchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.promoCode.updateMany({ where: { id: promoCodeId, active: true }, data: { active: false } });
    if (count === 0) {
      if (!(await tx.promoCode.findUnique({ where: { id: promoCodeId }, select: { id: true } }))) throw promoNotFound();
      return { changed: false };
    }
    await recordAudit(tx, actor, "promo.deactivated", { type: "promoCode", id: promoCodeId });
    return { changed: true };
  });
}
