import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { OwnTopUp } from "@/lib/wallet/get-top-up-for-owner";
import { Alert } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { OrderAutoRefresh } from "./order-auto-refresh";

/**
 * The return page's body for a wallet top-up: what was asked, what the wallet was credited with
 * (what actually arrived, from the ledger), and the way back to the wallet.
 */
export async function TopUpStatus({ topUp, locale }: { topUp: OwnTopUp; locale: string }) {
  const t = await getTranslations("Checkout");
  const money = (minor: bigint) => formatMoney(minor, topUp.currency, locale);
  const credited = topUp.creditedMinor > 0n;
  const back = <Link href="/account/wallet" className={buttonClass(topUp.status === "PAID" ? "primary" : "secondary")} data-testid="view-wallet">{t("viewWallet")}</Link>;
  return (
    <>
      <ul className="mt-6 space-y-1 border-t border-slate-200 pt-4 text-sm text-slate-700">
        <li className="flex justify-between gap-4 font-semibold text-slate-900">
          <span>{t("topUpLine")}</span>
          <span className="tabular-nums">{money(topUp.requestedMinor)}</span>
        </li>
      </ul>
      <div className="mt-6 space-y-4">
        {topUp.status === "PENDING" ? (
          <>
            <OrderAutoRefresh />
            <Alert tone="amber" role="status">{t("pendingBody")}</Alert>
            <p className="text-sm text-slate-500">{t("topUpStillWaiting")}</p>
          </>
        ) : null}
        {credited ? <Alert tone="green" role="status"><span data-testid="top-up-credited">{t("topUpCredited", { amount: money(topUp.creditedMinor) })}</span></Alert> : null}
        {!credited && (topUp.status === "FAILED" || topUp.status === "EXPIRED") ? <Alert tone="red">{t("topUpRetry")}</Alert> : null}
        <div className="flex flex-wrap gap-3">{back}</div>
      </div>
    </>
  );
}
