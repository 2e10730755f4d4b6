"use client";

import { useTranslations } from "next-intl";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogCheckbox, CatalogInput, CatalogTextarea } from "./catalog-fields";

/**
 * The admin's refund of an order. `amount` is prefilled with what is left to refund (a decimal in
 * the order's currency); `nonce` is fresh for every rendered form, so a double submit (or a
 * retried post) refunds once. Refunding everything left needs the revocation box ticked.
 */
export function OrderRefundForm({ action, orderId, nonce, currency, amount, left }: { action: CatalogAction; orderId: string; nonce: string; currency: string; amount: string; left: string }) {
  const t = useTranslations("AdminOrders");
  return (
    <CatalogForm action={action} id="order-refund" submitLabel={t("refundSubmit")} variant="danger" hidden={{ orderId, nonce }} errorNamespace="AdminOrders.refundErrors" className="grid gap-4 sm:grid-cols-[12rem_1fr]">
      <CatalogInput name="amount" label={t("refundAmount", { currency })} hint={t("refundAmountHint", { amount: left })} defaultValue={amount} inputMode="decimal" dir="ltr" required />
      <CatalogTextarea name="reason" label={t("refundReason")} hint={t("refundReasonHint")} maxLength={500} required />
      <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200 sm:col-span-2" role="note">
        <p className="mb-2">{t("refundFullWarning")}</p>
        <CatalogCheckbox name="confirmFull" label={t("refundConfirmFull")} />
      </div>
    </CatalogForm>
  );
}
