import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/auth/guards";
import { priceCart } from "@/lib/cart/price-cart";
import { toQuoteSummary } from "@/lib/cart/quote-summary";
import { getStorefrontCurrency, readCart } from "@/lib/cart/storefront-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { getWalletBalance } from "@/lib/wallet/queries";
import { Alert, EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/layout/client-messages";
import { StorefrontToolbar } from "@/components/storefront/storefront-toolbar";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { PromoCodeForm } from "@/components/cart/promo-code-form";
import { QuoteSummaryCard } from "@/components/cart/quote-summary-card";
import { WalletToggle } from "@/components/cart/wallet-toggle";

export async function generateMetadata() {
  return { title: (await getTranslations("Cart"))("title") };
}

export default async function CartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Cart");
  const [viewer, cart, { currency, store }] = await Promise.all([getViewer(), readCart(), getStorefrontCurrency(locale)]);
  const priced = await priceCart({ cart, currency, userId: viewer?.id ?? null, locale });
  const balance = viewer ? await getWalletBalance(viewer.id, currency) : 0n;
  const summary = priced.quote ? toQuoteSummary(priced.quote, locale) : null;
  const lineTotals = new Map(summary?.lines.map((l) => [l.planId, l]) ?? []);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <StorefrontToolbar title={t("title")} currency={currency} currencies={store.currencies} />
      {priced.lines.length === 0 ? (
        <EmptyState action={<Link href="/products" className={buttonClass("primary")}>{t("browse")}</Link>}>{t("empty")}</EmptyState>
      ) : (
        <ClientMessages namespaces={["Cart"]}>
          <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
            <ul className="space-y-4" data-testid="cart-lines">
              {priced.lines.map((line) => {
                const total = lineTotals.get(line.planId);
                const name = `${line.productName} — ${line.planName}`;
                return (
                  <li key={line.planId} data-testid="cart-line" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                    <div className="flex flex-wrap items-start justify-between gap-4">
                      <div className="min-w-0">
                        <p className="font-semibold text-slate-900">
                          {line.productSlug ? <Link href={`/products/${line.productSlug}`} className="hover:underline">{line.productName}</Link> : line.productName}
                        </p>
                        <p className="text-sm text-slate-600">{line.planName}</p>
                      </div>
                      {total ? (
                        <div className="text-end">
                          <p className="font-semibold tabular-nums text-slate-900" data-testid="line-total">{total.total}</p>
                          {total.discount ? <p className="text-xs text-emerald-700 tabular-nums">−{total.discount}</p> : null}
                        </div>
                      ) : null}
                    </div>
                    {line.issue ? <div className="mt-3"><Alert tone="amber">{t.has(`errors.${line.issue}`) ? t(`errors.${line.issue}` as never) : t("unavailable")}</Alert></div> : null}
                    <div className="mt-3">
                      <CartLineControls planId={line.planId} quantity={line.quantity} name={name} canUpdate={!line.issue} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <div className="space-y-4">
              {summary ? (
                <QuoteSummaryCard summary={summary} title={t("summary")}>
                  {viewer && balance > 0n ? <WalletToggle enabled={cart.useWallet} balance={formatMoney(balance, currency, locale)} /> : null}
                  <PromoCodeForm applied={priced.promoCode} issue={priced.promoIssue} />
                  <div className="mt-6">
                    {priced.complete ? (
                      <Link href="/checkout" className={buttonClass("primary", "w-full")} data-testid="to-checkout">{t("checkout")}</Link>
                    ) : (
                      <Alert tone="amber">{t("fixCart")}</Alert>
                    )}
                    {!viewer && priced.complete ? <p className="mt-2 text-center text-xs text-slate-500">{t("signInToCheckout")}</p> : null}
                  </div>
                </QuoteSummaryCard>
              ) : (
                <Alert tone="amber">{t("fixCart")}</Alert>
              )}
            </div>
          </div>
        </ClientMessages>
      )}
    </div>
  );
}
