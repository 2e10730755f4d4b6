import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { PromoCodeValues } from "./schemas";

// Shared pieces of the admin promo code use cases. Who may write: admins (catalogAdmin), who may
// read: staff (assertCatalogReader) — the same split as the catalog.
export { catalogAdmin as promoAdmin, assertCatalogReader as assertPromoReader, isUniqueViolation, type CatalogContext as PromoContext } from "@/lib/catalog/catalog-access";

/** The field error for a code someone already uses (found before writing, or by the unique index). */
export function codeTaken(): AppError {
  return new AppError("VALIDATION_FAILED", "This promo code already exists.", { fields: { code: ["codeTaken"] } });
}

export function promoNotFound(): AppError {
  return new AppError("NOT_FOUND", "No such promo code.");
}

/** Every restricted product must exist; unknown ones are a field error. */
export async function assertProductsExist(tx: Tx, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const found = await tx.product.count({ where: { id: { in: [...productIds] } } });
  if (found !== productIds.length) throw new AppError("VALIDATION_FAILED", "Unknown product.", { fields: { productIds: ["productUnknown"] } });
}

/** The PromoCode columns of the form values (products go to PromoCodeProduct). */
export function promoColumns(v: PromoCodeValues) {
  return {
    code: v.code, kind: v.kind, percentBp: v.percentBp, startsAt: v.startsAt, endsAt: v.endsAt, maxRedemptions: v.maxRedemptions,
    perCustomerLimit: v.perCustomerLimit, minOrderMinor: v.minOrderMinor, minOrderCurrency: v.minOrderCurrency,
    firstPurchaseOnly: v.firstPurchaseOnly, resetPeriod: v.resetPeriod, active: v.active,
  };
}

/** The values as JSON for an audit entry (bigints and dates as strings). */
export function promoAuditView(v: Omit<PromoCodeValues, "amounts"> & { amounts: unknown }): Record<string, InputJsonValue | null> {
  return {
    code: v.code, kind: v.kind, percentBp: v.percentBp, amounts: (v.amounts ?? null) as InputJsonValue | null,
    startsAt: v.startsAt?.toISOString() ?? null, endsAt: v.endsAt?.toISOString() ?? null, maxRedemptions: v.maxRedemptions,
    perCustomerLimit: v.perCustomerLimit, minOrderMinor: v.minOrderMinor?.toString() ?? null, minOrderCurrency: v.minOrderCurrency,
    firstPurchaseOnly: v.firstPurchaseOnly, resetPeriod: v.resetPeriod, active: v.active, productIds: [...v.productIds],
  };
}
