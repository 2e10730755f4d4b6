import { db } from "@/lib/db";
import type { BillingInterval, LicenseType } from "@/lib/generated/prisma/enums";
import type { Money } from "@/lib/money";
import { getRateTable } from "./exchange-rate-queries";
import { normalizeTiers } from "@/lib/pricing/volume-tiers";
import { tierUnitPrice, unitPriceIn } from "./storefront-prices";

// Catalog reads for the storefront pages: products on sale, localized, priced in the visitor's
// currency. Only what the pages show leaves this file.

export type StorefrontPlanView = {
  id: string;
  name: string;
  billingInterval: BillingInterval;
  durationDays: number | null;
  activationLimit: number;
  price: (Money & { converted: boolean }) | null;
};

export type VolumeTierView = { minQuantity: number; discountBp: number; unitPriceMinor: bigint };

export type StorefrontProductDetail = {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  description: string | null;
  licenseType: LicenseType;
  currency: string;
  plans: (StorefrontPlanView & { tiers: VolumeTierView[] })[];
};

export type StorefrontProductSummary = {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  licenseType: LicenseType;
  planCount: number;
  /** The cheapest plan's price in the currency (with its billing interval), null when none has one. */
  fromPrice: (Money & { billingInterval: BillingInterval }) | null;
};

const PLAN_SELECT = {
  id: true, name: true, billingInterval: true, durationDays: true, activationLimit: true,
  prices: { select: { amountMinor: true, currency: true } },
} as const;

/** Products on sale, in their sort order, localized for `locale` and priced in `currency`. */
export async function listStorefrontCatalog(locale: string, currency: string): Promise<StorefrontProductSummary[]> {
  const [products, rates] = await Promise.all([
    db.product.findMany({
      where: { active: true, plans: { some: { active: true } } },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true, slug: true, name: true, tagline: true, licenseType: true,
        translations: { where: { locale }, select: { name: true, tagline: true } },
        plans: { where: { active: true }, orderBy: [{ sortOrder: "asc" }], select: PLAN_SELECT },
      },
    }),
    getRateTable(),
  ]);
  return products.map((p) => {
    let fromPrice: StorefrontProductSummary["fromPrice"] = null;
    for (const plan of p.plans) {
      const price = unitPriceIn(plan.prices, currency, rates);
      if (price && (!fromPrice || price.amountMinor < fromPrice.amountMinor)) {
        fromPrice = { amountMinor: price.amountMinor, currency, billingInterval: plan.billingInterval };
      }
    }
    return {
      id: p.id, slug: p.slug, name: p.translations[0]?.name ?? p.name, tagline: p.translations[0]?.tagline ?? p.tagline,
      licenseType: p.licenseType, planCount: p.plans.length, fromPrice,
    };
  });
}

/** One product on sale by slug with its active plans and volume tiers, or null. */
export async function getStorefrontProduct(slug: string, locale: string, currency: string): Promise<StorefrontProductDetail | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const [product, rates] = await Promise.all([
    db.product.findFirst({
      where: { slug, active: true },
      select: {
        id: true, slug: true, name: true, tagline: true, description: true, licenseType: true,
        translations: { where: { locale }, select: { name: true, tagline: true, description: true } },
        plans: { where: { active: true }, orderBy: [{ sortOrder: "asc" }], select: PLAN_SELECT },
        volumeTiers: { select: { minQuantity: true, discountBp: true } },
      },
    }),
    getRateTable(),
  ]);
  if (!product) return null;
  const t = product.translations[0];
  const tiers = normalizeTiers(product.volumeTiers).filter((tier) => tier.discountBp > 0);
  return {
    id: product.id, slug: product.slug, name: t?.name ?? product.name, tagline: t?.tagline ?? product.tagline,
    description: t?.description ?? product.description, licenseType: product.licenseType, currency,
    plans: product.plans.map((plan) => {
      const price = unitPriceIn(plan.prices, currency, rates);
      return {
        id: plan.id, name: plan.name, billingInterval: plan.billingInterval, durationDays: plan.durationDays,
        activationLimit: plan.activationLimit, price,
        tiers: price ? tiers.map((tier) => ({ ...tier, unitPriceMinor: tierUnitPrice(price.amountMinor, tier.discountBp) })) : [],
      };
    }),
  };
}
