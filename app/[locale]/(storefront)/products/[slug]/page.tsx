import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getStorefrontProduct } from "@/lib/catalog/storefront-product";
import { getStorefrontCurrency } from "@/lib/cart/storefront-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Badge } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { StorefrontToolbar } from "@/components/storefront/storefront-toolbar";
import { AddToCartForm } from "@/components/storefront/add-to-cart-form";
import { priceWithInterval } from "@/components/storefront/price-label";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const { currency } = await getStorefrontCurrency(locale);
  const product = await getStorefrontProduct(slug, locale, currency);
  return product ? { title: product.name, description: product.tagline ?? undefined } : {};
}

export default async function ProductPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Storefront");
  const { currency, store } = await getStorefrontCurrency(locale);
  const product = await getStorefrontProduct(slug, locale, currency);
  if (!product) notFound();
  const money = (v: bigint) => formatMoney(v, currency, locale);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <StorefrontToolbar title={product.name} subtitle={product.tagline ?? undefined} currency={currency} currencies={store.currencies}>
        <Link href="/products" className="mb-2 inline-block text-sm font-medium text-brand-600 hover:underline">{t("backToProducts")}</Link>
      </StorefrontToolbar>
      {product.description ? <p className="mb-8 max-w-3xl whitespace-pre-line text-slate-700">{product.description}</p> : null}
      <h2 className="mb-4 text-xl font-semibold text-slate-900">{t("plansTitle")}</h2>
      <ClientMessages namespaces={["Storefront", "Cart"]}>
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3" data-testid="plans">
          {product.plans.map((plan) => (
            <li key={plan.id} className="flex flex-col rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="plan">
              <div className="flex items-start justify-between gap-3">
                <h3 className="text-lg font-semibold text-slate-900">{plan.name}</h3>
                <Badge tone="brand">{product.licenseType === "SITE" ? t("siteLicense") : t("deviceLicense")}</Badge>
              </div>
              <p className="mt-3 text-2xl font-bold text-slate-900" data-testid="plan-price">
                {plan.price ? priceWithInterval(t, money(plan.price.amountMinor), plan.billingInterval) : <span className="text-sm font-normal text-slate-500">{t("noPrice")}</span>}
              </p>
              {plan.price?.converted ? <p className="mt-1 text-xs text-slate-500">{t("convertedNote", { currency: store.base })}</p> : null}
              <ul className="mt-4 space-y-1 text-sm text-slate-600">
                <li>{t("activationsPerSeat", { count: plan.activationLimit })}</li>
                <li>
                  {plan.billingInterval === "MONTH" ? t("billedMonthly")
                    : plan.billingInterval === "YEAR" ? t("billedYearly")
                    : plan.durationDays ? t("validFor", { days: plan.durationDays }) : t("perpetual")}
                </li>
              </ul>
              {plan.tiers.length ? (
                <div className="mt-4 rounded-lg bg-slate-50 p-3 text-sm">
                  <p className="font-medium text-slate-800">{t("volumeTitle")}</p>
                  <ul className="mt-1 space-y-0.5 text-slate-600" data-testid="volume-tiers">
                    {plan.tiers.map((tier) => <li key={tier.minQuantity}>{t("volumeTier", { count: tier.minQuantity, price: money(tier.unitPriceMinor) })}</li>)}
                  </ul>
                </div>
              ) : null}
              <div className="mt-auto">
                {plan.price ? <AddToCartForm planId={plan.id} planName={plan.name} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </ClientMessages>
    </div>
  );
}
