import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getOwnWallet } from "@/lib/wallet/get-own-wallet";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { WalletBalances, WalletLedger } from "@/components/portal/wallet-ledger";

// Owner only: everything below is read by the signed-in user's id, never by an id from the URL.
export default async function WalletPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/wallet");
  const sp = await searchParams;
  const wallet = await getOwnWallet(viewer.id, typeof sp.cursor === "string" ? sp.cursor : undefined);
  const t = await getTranslations("Wallet");
  const c = await getTranslations("Common");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="balances-title">
          <h2 id="balances-title" className="mb-3 text-lg font-semibold text-slate-900">{t("balances")}</h2>
          <WalletBalances balances={wallet.balances} locale={locale} />
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
