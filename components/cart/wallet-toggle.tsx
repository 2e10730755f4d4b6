"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { setUseWalletAction } from "@/app/[locale]/(storefront)/cart/actions";
import { initialActionState } from "@/lib/http/action-state";
import { cartErrorMessage } from "./cart-error-message";

/** "Use my wallet balance": a checkbox that saves itself; the quote then shows what the wallet pays. */
export function WalletToggle({ enabled, balance }: { enabled: boolean; balance: string }) {
  const t = useTranslations("Cart");
  const [state, action, pending] = useActionState(setUseWalletAction, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  const error = cartErrorMessage(t, state);
  return (
    <form ref={form} action={action} className="mt-4 space-y-1">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="useWallet" defaultChecked={enabled} disabled={pending} data-testid="use-wallet"
          onChange={() => form.current?.requestSubmit()} className="h-4 w-4 rounded border-slate-300 text-brand-600" />
        {t("useWallet", { balance })}
      </label>
      <noscript><button type="submit" className="text-sm underline">{t("walletUpdate")}</button></noscript>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : null}
    </form>
  );
}
