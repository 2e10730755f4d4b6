import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertProductsExist, codeTaken, isUniqueViolation, promoAdmin, promoAuditView, promoColumns, type PromoContext } from "./promo-access";
import { createPromoCodeSchema } from "./schemas";

/**
 * An admin creates a promo code. The code is stored upper-case and is unique: a duplicate, also
 * one created at the same moment by someone else, is a field error and nothing is written.
 */
export async function createPromoCode(viewer: Viewer | null, input: unknown, ctx: PromoContext = {}): Promise<{ id: string }> {
  const actor = promoAdmin(viewer, ctx);
  const data = parseInput(createPromoCodeSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.promoCode.findUnique({ where: { code: data.code }, select: { id: true } })) throw codeTaken();
      await assertProductsExist(tx, data.productIds);
      const id = newId("promo");
      await tx.promoCode.create({
        data: {
          id, ...promoColumns(data), amounts: data.amounts ?? Prisma.DbNull,
          products: { create: data.productIds.map((productId) => ({ productId })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, "promo.created", { type: "promoCode", id }, promoAuditView(data));
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}
