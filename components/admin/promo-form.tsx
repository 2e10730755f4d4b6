"use client";

import { useTranslations } from "next-intl";
import { PROMO_KINDS, RESET_PERIODS } from "@/lib/promo/schemas";
import { CatalogForm, useCatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogCheckbox, CatalogInput, CatalogSelect, CatalogTextarea } from "./catalog-fields";

export type PromoFormValues = {
  code: string; kind: string; percentBp: string; amounts: string; startsAt: string; endsAt: string; maxRedemptions: string;
  perCustomerLimit: string; minOrder: string; minOrderCurrency: string; resetPeriod: string; firstPurchaseOnly: boolean;
  active: boolean; productIds: string[];
};

type Props = {
  action: CatalogAction;
  products: { id: string; name: string }[];
  promoCodeId?: string;
  values?: PromoFormValues;
  readOnly?: boolean;
};

/** Creates a promo code (no `promoCodeId`) or edits one: every rule the checkout applies. */
export function PromoForm({ action, products, promoCodeId, values, readOnly = false }: Props) {
  const t = useTranslations("AdminPromo");
  const selected = new Set(values?.productIds ?? []);
  return (
    <CatalogForm
      action={action} id="promo-form" submitLabel={promoCodeId ? t("save") : t("create")} hidden={promoCodeId ? { promoCodeId } : {}}
      readOnly={readOnly} errorNamespace="AdminPromo.errors" className="grid gap-4 sm:grid-cols-2"
    >
      <CatalogInput name="code" label={t("code")} hint={t("codeHint")} defaultValue={values?.code} required maxLength={32} dir="ltr" autoCapitalize="characters" />
      <CatalogSelect name="kind" label={t("kind")} defaultValue={values?.kind ?? "PERCENT"} options={PROMO_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }))} />
      <CatalogInput name="percentBp" label={t("percentBp")} hint={t("percentHint")} defaultValue={values?.percentBp} inputMode="numeric" dir="ltr" />
      <CatalogTextarea name="amounts" label={t("amounts")} hint={t("amountsHint")} defaultValue={values?.amounts} dir="ltr" placeholder={"USD 5.00\nEUR 4.50"} />
      <CatalogInput name="startsAt" label={t("startsAt")} hint={t("dateHint")} type="datetime-local" defaultValue={values?.startsAt} dir="ltr" />
      <CatalogInput name="endsAt" label={t("endsAt")} hint={t("dateHint")} type="datetime-local" defaultValue={values?.endsAt} dir="ltr" />
      <CatalogInput name="maxRedemptions" label={t("maxRedemptions")} hint={t("limitHint")} defaultValue={values?.maxRedemptions} inputMode="numeric" dir="ltr" />
      <CatalogInput name="perCustomerLimit" label={t("perCustomerLimit")} hint={t("limitHint")} defaultValue={values?.perCustomerLimit} inputMode="numeric" dir="ltr" />
      <CatalogInput name="minOrder" label={t("minOrder")} hint={t("minOrderHint")} defaultValue={values?.minOrder} inputMode="decimal" dir="ltr" />
      <CatalogInput name="minOrderCurrency" label={t("minOrderCurrency")} defaultValue={values?.minOrderCurrency} maxLength={3} dir="ltr" autoCapitalize="characters" placeholder="USD" />
      <CatalogSelect name="resetPeriod" label={t("resetPeriod")} hint={t("resetHint")} defaultValue={values?.resetPeriod ?? "NONE"} options={RESET_PERIODS.map((p) => ({ value: p, label: t(`reset${p}`) }))} />
      <div className="space-y-2 self-end">
        <CatalogCheckbox name="firstPurchaseOnly" label={t("firstPurchaseOnly")} defaultChecked={values?.firstPurchaseOnly ?? false} />
        <CatalogCheckbox name="active" label={t("active")} defaultChecked={values?.active ?? true} />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t("products")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("productsHint")}</p>
        {products.length === 0 ? <p className="text-sm text-slate-500">{t("noProducts")}</p> : (
          <div className="grid gap-1 sm:grid-cols-2">
            {products.map((p) => <CatalogCheckbox key={p.id} name={`product.${p.id}`} label={p.name} defaultChecked={selected.has(p.id)} />)}
          </div>
        )}
        <GroupError name="productIds" />
      </fieldset>
    </CatalogForm>
  );
}

/** A field error without a control of its own (a group of checkboxes). */
function GroupError({ name }: { name: string }) {
  const form = useCatalogForm();
  const t = useTranslations("AdminPromo.errors");
  const errors = form.errors(name);
  if (!errors?.length) return null;
  return <p role="alert" className="mt-1 text-xs text-red-600">{errors.map((e) => (t.has(e as never) ? t(e as never) : e)).join(" ")}</p>;
}
