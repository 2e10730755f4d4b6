import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { listStorefrontCatalog } from "@/lib/catalog/storefront-product";
import { getStorefrontCurrency } from "@/lib/cart/storefront-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Badge, EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { StorefrontToolbar } from "@/components/storefront/storefront-toolbar";
import { priceWithInterval } from "@/components/storefront/price-label";

export async function generateMetadata() {
  return { title: (await getTranslations("Storefront"))("productsTitle") };
}

export default async function ProductsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Storefront");
  const { currency, store } = await getStorefrontCurrency(locale);
  const products = await listStorefrontCatalog(locale, currency);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <StorefrontToolbar title={t("productsTitle")} subtitle={t("productsSubtitle")} currency={currency} currencies={store.currencies} />
      {products.length === 0 ? (
        <EmptyState>{t("noProducts")}</EmptyState>
      ) : (
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3" data-testid="catalog">
          {products.map((p) => (
            <li key={p.id}>
              <article className="flex h-full flex-col rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
                <div className="flex items-start justify-between gap-3">
                  <h2 className="text-lg font-semibold text-slate-900">{p.name}</h2>
                  <Badge tone="brand">{p.licenseType === "SITE" ? t("siteLicense") : t("deviceLicense")}</Badge>
                </div>
                {p.tagline ? <p className="mt-2 text-sm text-slate-600">{p.tagline}</p> : null}
                <p className="mt-4 text-sm text-slate-500">{t("plansCount", { count: p.planCount })}</p>
                <p className="mt-1 flex-1 text-xl font-bold text-slate-900">
                  {p.fromPrice
                    ? t("fromPrice", { price: priceWithInterval(t, formatMoney(p.fromPrice.amountMinor, currency, locale), p.fromPrice.billingInterval) })
                    : <span className="text-sm font-normal text-slate-500">{t("noPrice")}</span>}
                </p>
                <Link href={`/products/${p.slug}`} className={buttonClass("secondary", "mt-5")}>{t("viewPlans")}</Link>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
