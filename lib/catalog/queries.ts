import { db } from "@/lib/db";
import type { BillingInterval, LicenseType } from "@/lib/generated/prisma/enums";

export type StorefrontPlan = {
  id: string;
  name: string;
  billingInterval: BillingInterval;
  activationLimit: number;
  price: { amountMinor: bigint; currency: string } | null;
};

export type StorefrontProduct = {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  licenseType: LicenseType;
  plans: StorefrontPlan[];
};

/** Products on sale, localized where a translation exists, with their plans and a price in `currency`. */
export async function listStorefrontProducts(locale: string, currency = "USD"): Promise<StorefrontProduct[]> {
  const products = await db.product.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true, slug: true, name: true, tagline: true, licenseType: true,
      translations: { where: { locale }, select: { name: true, tagline: true } },
      plans: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }],
        select: {
          id: true, name: true, billingInterval: true, activationLimit: true,
          prices: { where: { currency }, select: { amountMinor: true, currency: true } },
        },
      },
    },
  });
  return products.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.translations[0]?.name ?? p.name,
    tagline: p.translations[0]?.tagline ?? p.tagline,
    licenseType: p.licenseType,
    plans: p.plans.map((plan) => ({
      id: plan.id,
      name: plan.name,
      billingInterval: plan.billingInterval,
      activationLimit: plan.activationLimit,
      price: plan.prices[0] ?? null,
    })),
  }));
}
