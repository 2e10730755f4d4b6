"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { applyPromoCodeAction, removePromoCodeAction } from "@/app/[locale]/(storefront)/cart/actions";
import { initialActionState } from "@/lib/http/action-state";
import { Button } from "@/components/ui/button";
import { promoErrorMessage } from "./cart-error-message";

/** Promo code entry; the reason a code does not apply comes translated from its reason code. */
export function PromoCodeForm({ applied, issue }: { applied: string | null; issue: string | null }) {
  const t = useTranslations("Cart");
  const [state, apply, applying] = useActionState(applyPromoCodeAction, initialActionState);
  const [, remove, removing] = useActionState(removePromoCodeAction, initialActionState);
  const reason = state.ok ? null : (state.fields?.promoCode?.[0] ?? (state.code ? "generic" : null));
  const error = promoErrorMessage(t, reason ?? issue);
  return (
    <div className="mt-6 border-t border-slate-200 pt-4">
      {applied && !issue ? (
        <form action={remove} className="flex items-center justify-between gap-3 text-sm">
          <p role="status" className="text-emerald-700" data-testid="promo-applied">{t("promoApplied", { code: applied })}</p>
          <Button type="submit" variant="ghost" disabled={removing}>{t("promoRemove")}</Button>
        </form>
      ) : (
        <form action={apply} className="space-y-1">
          <label htmlFor="promo-code" className="block text-sm font-medium text-slate-800">{t("promoLabel")}</label>
          <div className="flex gap-2">
            <input id="promo-code" name="promoCode" autoComplete="off" maxLength={40} defaultValue={state.values?.promoCode ?? applied ?? ""}
              aria-invalid={error ? true : undefined} aria-describedby={error ? "promo-code-error" : undefined}
              className="block w-full min-w-0 rounded-lg border-0 px-3 py-2 uppercase text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
            <Button type="submit" variant="secondary" disabled={applying}>{t("promoApply")}</Button>
          </div>
          {error ? <p id="promo-code-error" role="alert" className="text-xs text-red-600" data-testid="promo-error">{error}</p> : null}
        </form>
      )}
      {applied && issue ? (
        <form action={remove} className="mt-2">
          <Button type="submit" variant="ghost" disabled={removing}>{t("promoRemove")}</Button>
        </form>
      ) : null}
    </div>
  );
}
