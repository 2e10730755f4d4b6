import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

type Entry = { id: string; currency: string; amountMinor: bigint; kind: string; reason: string | null; orderId: string | null; createdAt: Date };
type Balance = { currency: string; balanceMinor: bigint };

/** Wallet balances, one per currency. */
export async function WalletBalances({ balances, locale }: { balances: Balance[]; locale: string }) {
  const t = await getTranslations("Wallet");
  if (balances.length === 0) return <EmptyState>{t("noBalance")}</EmptyState>;
  return (
    <ul className="grid gap-3 sm:grid-cols-3" data-testid="wallet-balances">
      {balances.map((b) => (
        <li key={b.currency} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`balance-${b.currency}`}>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500" dir="ltr">{b.currency}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900">{formatMoney(b.balanceMinor, b.currency, locale)}</p>
        </li>
      ))}
    </ul>
  );
}

/** Ledger entries newest first; `orderHref` links an entry's order where the viewer may open it. */
export async function WalletLedger({ entries, locale, orderHref }: { entries: Entry[]; locale: string; orderHref?: (orderId: string) => string }) {
  const t = await getTranslations("Wallet");
  const format = await getFormatter();
  if (entries.length === 0) return <EmptyState>{t("noEntries")}</EmptyState>;
  return (
    <Table head={[t("date"), t("kind"), t("details"), t("amount")]} caption={t("history")}>
      {entries.map((e) => (
        <tr key={e.id} data-testid={`wallet-entry-${e.id}`}>
          <Td className="whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
          <Td>{t(`kind${e.kind}`)}</Td>
          <Td>
            {e.reason ? <span className="block break-words">{e.reason}</span> : null}
            {e.orderId ? (orderHref
              ? <a href={orderHref(e.orderId)} className="font-mono text-xs text-brand-700 hover:underline" dir="ltr">{e.orderId}</a>
              : <code className="text-xs text-slate-500" dir="ltr">{e.orderId}</code>) : null}
          </Td>
          <Td className={`whitespace-nowrap font-medium ${e.amountMinor < 0n ? "text-red-700" : "text-emerald-700"}`}>
            {e.amountMinor > 0n ? "+" : ""}{formatMoney(e.amountMinor, e.currency, locale)}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
