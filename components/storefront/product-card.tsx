import { getLocale, getTranslations } from "next-intl/server";
import type { StorefrontProduct } from "@/lib/catalog/queries";
import { formatMoney } from "@/lib/money";
import { Badge } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";

export async function ProductCard({ product }: { product: StorefrontProduct }) {
  const t = await getTranslations("Home");
  const locale = await getLocale();
  return (
    <article className="flex h-full flex-col rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-lg font-semibold text-slate-900">
          <Link href={`/products/${product.slug}`} className="hover:underline">{product.name}</Link>
        </h3>
        <Badge tone="brand">{product.licenseType === "SITE" ? t("siteLicense") : t("softwareLicense")}</Badge>
      </div>
      {product.tagline ? <p className="mt-2 text-sm text-slate-600">{product.tagline}</p> : null}
      <ul className="mt-5 flex-1 space-y-2 text-sm">
        {product.plans.map((plan) => {
          const price = plan.price ? formatMoney(plan.price.amountMinor, plan.price.currency, locale) : null;
          const label = !price ? "" : plan.billingInterval === "MONTH" ? t("perMonth", { price })
            : plan.billingInterval === "YEAR" ? t("perYear", { price }) : price;
          return (
            <li key={plan.id} className="flex items-baseline justify-between gap-3 border-t border-slate-100 pt-2">
              <span>
                <span className="font-medium text-slate-800">{plan.name}</span>
                <span className="ms-2 text-slate-500">{t("seats", { count: plan.activationLimit })}</span>
              </span>
              <span className="font-semibold text-slate-900">{label}</span>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
