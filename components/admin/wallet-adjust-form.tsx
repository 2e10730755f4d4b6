"use client";

import { useTranslations } from "next-intl";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogInput, CatalogTextarea } from "./catalog-fields";

/**
 * The admin's wallet correction. `nonce` is fresh for every rendered form: the server records one
 * entry per nonce, so a double submit (or a retried post) adjusts the wallet once.
 */
export function WalletAdjustForm({ action, userId, nonce, currency }: { action: CatalogAction; userId: string; nonce: string; currency?: string }) {
  const t = useTranslations("AdminWallet");
  return (
    <CatalogForm action={action} id="wallet-adjust" submitLabel={t("submit")} hidden={{ userId, nonce }} errorNamespace="AdminWallet.errors" className="grid gap-4 sm:grid-cols-[8rem_1fr]">
      <CatalogInput name="currency" label={t("currency")} defaultValue={currency ?? ""} maxLength={3} dir="ltr" autoCapitalize="characters" placeholder="USD" required />
      <CatalogInput name="amount" label={t("amount")} hint={t("amountHint")} inputMode="decimal" dir="ltr" placeholder="-5.00" required />
      <CatalogTextarea name="reason" label={t("reason")} hint={t("reasonHint")} maxLength={500} className="sm:col-span-2" required />
    </CatalogForm>
  );
}
