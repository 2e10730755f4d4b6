"use client";

import { useTranslations } from "next-intl";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogInput } from "./catalog-fields";

type Price = { currency: string; amount: string; formatted: string };

/** A plan's prices: one row per currency with a remove button, and a form to set one. */
export function CatalogPriceEditor({ planId, prices, setAction, removeAction, readOnly = false }: { planId: string; prices: Price[]; setAction: CatalogAction; removeAction: CatalogAction; readOnly?: boolean }) {
  const t = useTranslations("AdminCatalog");
  return (
    <div className="space-y-3">
      {prices.length === 0 ? <p className="text-sm text-slate-500">{t("noPrices")}</p> : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid={`prices-${planId}`}>
          {prices.map((p) => (
            <li key={p.currency} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span><span className="font-medium text-slate-900">{p.formatted}</span> <code dir="ltr" className="text-xs text-slate-500">{p.amount} {p.currency}</code></span>
              {readOnly ? null : <CatalogForm action={removeAction} id={`remove-price-${planId}-${p.currency}`} submitLabel={t("remove")} variant="secondary" hidden={{ planId, currency: p.currency }} />}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <CatalogForm action={setAction} id={`price-${planId}`} inline submitLabel={t("setPrice")} hidden={{ planId }} className="grid items-start gap-3 sm:grid-cols-[8rem_1fr_auto]">
          <CatalogInput name="currency" label={t("currency")} maxLength={3} dir="ltr" autoCapitalize="characters" placeholder="EUR" />
          <CatalogInput name="amount" label={t("amount")} hint={t("amountHint")} inputMode="decimal" dir="ltr" placeholder="19.99" />
        </CatalogForm>
      )}
    </div>
  );
}
