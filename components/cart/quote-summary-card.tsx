"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { QuoteSummary } from "@/lib/cart/quote-summary";

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className={`flex items-baseline justify-between gap-4 ${strong ? "border-t border-slate-200 pt-3 text-base font-semibold text-slate-900" : "text-sm text-slate-600"}`}>
      <dt>{label}</dt>
      <dd data-testid={testId} className="tabular-nums">{value}</dd>
    </div>
  );
}

/** The server quote's totals (display strings computed on the server). */
export function QuoteSummaryCard({ summary, title, children }: { summary: QuoteSummary; title: string; children?: ReactNode }) {
  const t = useTranslations("Cart");
  return (
    <section aria-labelledby="quote-summary-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="quote-summary-title" className="text-lg font-semibold text-slate-900">{title}</h2>
      <dl className="mt-4 space-y-2" data-testid="quote-summary">
        <Row label={t("subtotal")} value={summary.subtotal} testId="summary-subtotal" />
        {summary.volumeDiscount ? <Row label={t("volumeDiscount")} value={`−${summary.volumeDiscount}`} testId="summary-volume" /> : null}
        {summary.promoDiscount ? <Row label={t("promoDiscount", { code: summary.promoCode ?? "" })} value={`−${summary.promoDiscount}`} testId="summary-promo" /> : null}
        {summary.tax ? <Row label={t("tax")} value={summary.tax} /> : null}
        <Row label={t("total")} value={summary.total} strong testId="summary-total" />
        {summary.wallet ? <Row label={t("wallet")} value={`−${summary.wallet}`} testId="summary-wallet" /> : null}
        {summary.wallet ? <Row label={t("due")} value={summary.due} strong testId="summary-due" /> : null}
      </dl>
      {children}
    </section>
  );
}
