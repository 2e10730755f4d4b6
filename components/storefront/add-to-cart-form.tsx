"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction } from "@/app/[locale]/(storefront)/cart/actions";
import { initialActionState } from "@/lib/http/action-state";
import { Link } from "@/lib/i18n/navigation";
import { Button } from "@/components/ui/button";
import { cartErrorMessage } from "@/components/cart/cart-error-message";

/** Seats + "Add to cart" for one plan; the server checks the plan and quantity. */
export function AddToCartForm({ planId, planName }: { planId: string; planName: string }) {
  const t = useTranslations("Storefront");
  const tc = useTranslations("Cart");
  const [state, action, pending] = useActionState(addToCartAction, initialActionState);
  const id = `qty-${planId}`;
  const error = state.ok ? null : cartErrorMessage(tc, state);
  return (
    <form action={action} className="mt-4 space-y-2" aria-label={planName}>
      <input type="hidden" name="planId" value={planId} />
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">{t("seats")}</label>
          <input id={id} name="quantity" type="number" inputMode="numeric" min={1} max={10000} step={1} defaultValue={1} required
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block w-24 rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
        </div>
        <Button type="submit" disabled={pending} className="flex-1">{t("addToCart")}</Button>
      </div>
      {error ? <p id={`${id}-error`} role="alert" className="text-xs text-red-600">{error}</p> : null}
      {state.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("added")} <Link href="/cart" className="font-medium underline">{t("viewCart")}</Link>
        </p>
      ) : null}
    </form>
  );
}
