import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { changedFields } from "@/lib/catalog/catalog-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertProductsExist, codeTaken, isUniqueViolation, promoAdmin, promoAuditView, promoColumns, promoNotFound, type PromoContext } from "./promo-access";
import { updatePromoCodeSchema } from "./schemas";

/**
 * An admin edits a promo code: every rule and its product restriction. Usage counters are not
 * editable; redemptions already made stay. Only the changed fields are audited.
 */
export async function updatePromoCode(viewer: Viewer | null, input: unknown, ctx: PromoContext = {}): Promise<void> {
  const actor = promoAdmin(viewer, ctx);
  const { promoCodeId, ...data } = parseInput(updatePromoCodeSchema, input);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.promoCode.findUnique({
        where: { id: promoCodeId },
        select: {
          code: true, kind: true, percentBp: true, amounts: true, startsAt: true, endsAt: true, maxRedemptions: true, perCustomerLimit: true,
          minOrderMinor: true, minOrderCurrency: true, firstPurchaseOnly: true, resetPeriod: true, active: true,
          products: { select: { productId: true }, orderBy: { productId: "asc" } },
        },
      });
      if (!before) throw promoNotFound();
      if (before.code !== data.code && (await tx.promoCode.findUnique({ where: { code: data.code }, select: { id: true } }))) throw codeTaken();
      await assertProductsExist(tx, data.productIds);
      const changes = changedFields(promoAuditView({ ...before, productIds: before.products.map((p) => p.productId) }), promoAuditView(data));
      if (Object.keys(changes).length === 0) return;
      await tx.promoCode.update({ where: { id: promoCodeId }, data: { ...promoColumns(data), amounts: data.amounts ?? Prisma.DbNull } });
      if ("productIds" in changes) {
        await tx.promoCodeProduct.deleteMany({ where: { promoCodeId } });
        await tx.promoCodeProduct.createMany({ data: data.productIds.map((productId) => ({ promoCodeId, productId })) });
      }
      await recordAudit(tx, actor, "promo.updated", { type: "promoCode", id: promoCodeId }, changes as never);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}
