import { getLocale, getTranslations } from "next-intl/server";
import { listStorefrontProducts } from "@/lib/catalog/queries";
import { EmptyState } from "@/components/ui/card";
import { ProductCard } from "@/components/storefront/product-card";

export default async function HomePage() {
  const locale = await getLocale();
  const t = await getTranslations("Home");
  const products = await listStorefrontProducts(locale);
  const features = [
    ["featureInstantTitle", "featureInstantBody"],
    ["featureDevicesTitle", "featureDevicesBody"],
    ["featureUpdatesTitle", "featureUpdatesBody"],
  ] as const;
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <h1 className="max-w-2xl text-4xl font-extrabold tracking-tight text-slate-900 sm:text-5xl">{t("heroTitle")}</h1>
          <p className="mt-4 max-w-xl text-lg text-slate-600">{t("heroSubtitle")}</p>
          <a href="#products" className="mt-8 inline-flex rounded-lg bg-brand-600 px-5 py-3 text-sm font-semibold text-white shadow hover:bg-brand-700">
            {t("browseProducts")}
          </a>
          <dl className="mt-14 grid gap-6 sm:grid-cols-3">
            {features.map(([title, body]) => (
              <div key={title} className="rounded-2xl bg-white/70 p-5 ring-1 ring-slate-200">
                <dt className="font-semibold text-slate-900">{t(title)}</dt>
                <dd className="mt-1 text-sm text-slate-600">{t(body)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <section id="products" className="mx-auto max-w-6xl scroll-mt-16 px-4 py-14">
        <h2 className="mb-6 text-2xl font-bold tracking-tight">{t("productsTitle")}</h2>
        {products.length === 0 ? (
          <EmptyState>{t("noProducts")}</EmptyState>
        ) : (
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3" data-testid="product-list">
            {products.map((p) => <li key={p.id}><ProductCard product={p} /></li>)}
          </ul>
        )}
      </section>
    </>
  );
}
