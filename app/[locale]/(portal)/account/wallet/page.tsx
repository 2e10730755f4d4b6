import { randomBytes } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getStorefrontCurrency } from "@/lib/cart/storefront-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { MIN_TOP_UP_MINOR } from "@/lib/orders/create-top-up-order";
import { listAvailableGateways } from "@/lib/payments/get-payment-gateway";
import { getOwnWallet } from "@/lib/wallet/get-own-wallet";
import { topUpGatewayOptions } from "@/lib/wallet/top-up-by-form";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/layout/client-messages";
import { WalletBalances, WalletLedger } from "@/components/portal/wallet-ledger";
import { WalletTopUpForm } from "@/components/portal/wallet-top-up-form";

// Owner only: everything below is read by the signed-in user's id, never by an id from the URL.
export default async function WalletPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/wallet");
  const sp = await searchParams;
  const [wallet, { currency, store }, available] = await Promise.all([
    getOwnWallet(viewer.id, typeof sp.cursor === "string" ? sp.cursor : undefined),
    getStorefrontCurrency(isLocale(locale) ? locale : "en"),
    listAvailableGateways(),
  ]);
  const t = await getTranslations("Wallet");
  const c = await getTranslations("Common");
  const minimums = Object.fromEntries(store.currencies.map((cur) => [cur, formatMoney(MIN_TOP_UP_MINOR, cur, locale)]));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="balances-title">
          <h2 id="balances-title" className="mb-3 text-lg font-semibold text-slate-900">{t("balances")}</h2>
          <WalletBalances balances={wallet.balances} locale={locale} />
        </section>
        <section aria-labelledby="top-up-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="top-up-title" className="text-lg font-semibold text-slate-900">{t("topUpTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("topUpIntro")}</p>
          <ClientMessages namespaces={["Wallet"]}>
            <WalletTopUpForm
              nonce={randomBytes(18).toString("base64url")} currencies={store.currencies} defaultCurrency={currency}
              minimums={minimums} gateways={topUpGatewayOptions(available)}
            />
          </ClientMessages>
        </section>
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="mb-3 text-lg font-semibold text-slate-900">{t("history")}</h2>
          <WalletLedger entries={wallet.page.entries} locale={locale} />
          <nav aria-label={t("history")} className="mt-3 flex flex-wrap justify-between gap-2">
            {wallet.cursor ? <Link href="/account/wallet" className={buttonClass("secondary")}>{t("newest")}</Link> : <span />}
            {wallet.page.nextCursor ? <Link href={{ pathname: "/account/wallet", query: { cursor: wallet.page.nextCursor } }} className={buttonClass("secondary")} rel="next">{c("next")}</Link> : null}
          </nav>
        </section>
      </div>
    </>
  );
}
