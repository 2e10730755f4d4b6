import { randomBytes } from "node:crypto";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { PURCHASE_GATEWAYS } from "@/lib/cart/pay-for-cart";
import { priceCart } from "@/lib/cart/price-cart";
import { toQuoteSummary } from "@/lib/cart/quote-summary";
import { getStorefrontCurrency, readCart } from "@/lib/cart/storefront-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getGatewayCredentials } from "@/lib/payments/credentials";
import { listAvailableGateways } from "@/lib/payments/get-payment-gateway";
import { Alert, EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/layout/client-messages";
import { QuoteSummaryCard } from "@/components/cart/quote-summary-card";
import { CheckoutForm } from "@/components/checkout/checkout-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Checkout"))("title") };
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ canceled?: string }> };

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireViewerPage(locale, "/checkout");
  const { canceled } = await searchParams;
  const t = await getTranslations("Checkout");
  const tc = await getTranslations("Cart");
  const [cart, { currency }] = await Promise.all([readCart(), getStorefrontCurrency(locale)]);
  const priced = await priceCart({ cart, currency, userId: viewer.id, locale });
  const header = (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      <Link href="/cart" className="text-sm font-medium text-brand-600 hover:underline">{t("editCart")}</Link>
    </div>
  );
  if (priced.lines.length === 0) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-10">
        {header}
        <EmptyState action={<Link href="/products" className={buttonClass("primary")}>{tc("browse")}</Link>}>{tc("empty")}</EmptyState>
      </div>
    );
  }
  if (!priced.complete || !priced.quote) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-10">
        {header}
        <Alert tone="amber">{tc("fixCart")} <Link href="/cart" className="font-medium underline">{t("backToCart")}</Link></Alert>
      </div>
    );
  }
  const available = await listAvailableGateways();
  const gateways = PURCHASE_GATEWAYS.filter((g) => available.includes(g));
  const paypalClientId = gateways.includes("paypal") ? ((await getGatewayCredentials("paypal")).clientId ?? null) : null;
  const offered = gateways.filter((g) => g !== "paypal" || paypalClientId);
  const summary = toQuoteSummary(priced.quote, locale);
  const nonce = randomBytes(18).toString("base64url");
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      {header}
      {canceled ? <div className="mb-6"><Alert tone="amber">{t("canceled")}</Alert></div> : null}
      <ClientMessages namespaces={["Cart", "Checkout"]}>
        <div className="grid gap-8 md:grid-cols-2">
          <div className="space-y-4">
            <QuoteSummaryCard summary={summary} title={t("summary")}>
              <ul className="mt-4 space-y-2 border-t border-slate-200 pt-4 text-sm" data-testid="checkout-lines">
                {priced.lines.map((line) => {
                  const total = summary.lines.find((l) => l.planId === line.planId);
                  return (
                    <li key={line.planId} className="flex items-baseline justify-between gap-4">
                      <span className="min-w-0 text-slate-700"><span className="font-medium">{line.productName}</span> — {line.planName} <span dir="ltr">× {line.quantity}</span></span>
                      <span className="tabular-nums text-slate-900">{total?.total}</span>
                    </li>
                  );
                })}
              </ul>
            </QuoteSummaryCard>
          </div>
          <CheckoutForm quoteHash={priced.quote.quoteHash} nonce={nonce} summary={summary} gateways={offered} paypalClientId={paypalClientId} />
        </div>
      </ClientMessages>
    </div>
  );
}
