import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/roles";
import { toDecimalString } from "@/lib/money";
import { assertCatalogReader } from "./catalog-access";

// Staff reads of the catalog (admins and support). Only the fields the admin pages show.

export async function listProductsForAdmin(viewer: Viewer | null) {
  assertCatalogReader(viewer);
  return db.product.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, licenseType: true, active: true, _count: { select: { plans: true, licenses: true } } },
  });
}

const PLAN_SELECT = {
  id: true, slug: true, name: true, billingInterval: true, durationDays: true, activationLimit: true, reassignmentLimit: true,
  reassignmentPeriodDays: true, reassignmentCooldownSec: true, heartbeatIntervalSec: true, heartbeatGraceSec: true,
  offlineTokenTtlSec: true, gracePeriodDays: true, entitlements: true, channels: true, active: true, sortOrder: true,
  prices: { orderBy: { currency: "asc" }, select: { currency: true, amountMinor: true } },
  _count: { select: { licenses: true, orderItems: true } },
} as const;

/** One product with everything its edit page needs, or null. Prices carry their exact decimal text. */
export async function getProductForAdmin(viewer: Viewer | null, productId: string) {
  assertCatalogReader(viewer);
  if (!/^prd_[0-9A-Z]{26}$/.test(productId)) return null;
  const product = await db.product.findUnique({
    where: { id: productId },
    select: {
      id: true, slug: true, name: true, tagline: true, description: true, licenseType: true, active: true, sortOrder: true,
      translations: { orderBy: { locale: "asc" }, select: { locale: true, name: true, tagline: true, description: true } },
      volumeTiers: { orderBy: { minQuantity: "asc" }, select: { minQuantity: true, discountBp: true } },
      plans: { orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }], select: PLAN_SELECT },
      _count: { select: { licenses: true } },
    },
  });
  if (!product) return null;
  return {
    ...product,
    plans: product.plans.map((plan) => ({
      ...plan,
      prices: plan.prices.map((p) => ({ currency: p.currency, amountMinor: p.amountMinor, amount: toDecimalString(p.amountMinor, p.currency) })),
    })),
  };
}

export type AdminProduct = NonNullable<Awaited<ReturnType<typeof getProductForAdmin>>>;
export type AdminPlan = AdminProduct["plans"][number];
