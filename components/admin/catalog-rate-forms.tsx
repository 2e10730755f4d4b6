"use client";

import { useTranslations } from "next-intl";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogInput } from "./catalog-fields";

/** Changes the base currency every rate is quoted against. */
export function CatalogBaseCurrencyForm({ base, action }: { base: string; action: CatalogAction }) {
  const t = useTranslations("AdminCatalog");
  return (
    <CatalogForm action={action} id="base-currency" inline submitLabel={t("changeBaseCurrency")} variant="secondary" className="grid items-start gap-3 sm:grid-cols-[12rem_auto]">
      <CatalogInput name="baseCurrency" label={t("baseCurrency")} hint={t("baseCurrencyHint")} defaultValue={base} maxLength={3} dir="ltr" />
    </CatalogForm>
  );
}

/** Sets "1 base = rate quote" for one currency (new or existing). */
export function CatalogRateForm({ base, action, quoteCurrency, rate }: { base: string; action: CatalogAction; quoteCurrency?: string; rate?: string }) {
  const t = useTranslations("AdminCatalog");
  return (
    <CatalogForm action={action} id={quoteCurrency ? `rate-${quoteCurrency}` : "new-rate"} inline submitLabel={t("saveRate")} hidden={quoteCurrency ? { quoteCurrency } : {}} className={`grid items-start gap-3 ${quoteCurrency ? "grid-cols-[8rem_auto]" : "sm:grid-cols-[8rem_12rem_auto]"}`}>
      {quoteCurrency ? null : <CatalogInput name="quoteCurrency" label={t("currency")} maxLength={3} dir="ltr" placeholder="EUR" />}
      <CatalogInput name="rate" label={t("rate")} hint={quoteCurrency ? undefined : t("rateHint", { base })} defaultValue={rate ?? ""} inputMode="decimal" dir="ltr" placeholder="0.92" />
    </CatalogForm>
  );
}

export function CatalogRemoveRateButton({ quoteCurrency, action }: { quoteCurrency: string; action: CatalogAction }) {
  const t = useTranslations("AdminCatalog");
  return <CatalogForm action={action} id={`remove-rate-${quoteCurrency}`} submitLabel={t("remove")} variant="secondary" hidden={{ quoteCurrency }} />;
}
