"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeCartLineAction, updateCartLineAction } from "@/app/[locale]/(storefront)/cart/actions";
import { initialActionState } from "@/lib/http/action-state";
import { Button } from "@/components/ui/button";
import { cartErrorMessage } from "./cart-error-message";

/** Seat count and remove buttons of one cart line. */
export function CartLineControls({ planId, quantity, name, canUpdate }: { planId: string; quantity: number; name: string; canUpdate: boolean }) {
  const t = useTranslations("Cart");
  const [updateState, update, updating] = useActionState(updateCartLineAction, initialActionState);
  const [removeState, remove, removing] = useActionState(removeCartLineAction, initialActionState);
  const id = `line-qty-${planId}`;
  const error = cartErrorMessage(t, updateState) ?? cartErrorMessage(t, removeState);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        {canUpdate ? (
          <form action={update} className="flex items-end gap-2">
            <input type="hidden" name="planId" value={planId} />
            <label htmlFor={id} className="sr-only">{t("quantity")}</label>
            <input id={id} name="quantity" type="number" inputMode="numeric" min={1} max={10000} step={1} defaultValue={quantity} required
              aria-invalid={error ? true : undefined} data-testid="line-quantity"
              className="block w-24 rounded-lg border-0 px-3 py-1.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
            <Button type="submit" variant="secondary" disabled={updating}>{t("update")}</Button>
          </form>
        ) : null}
        <form action={remove}>
          <input type="hidden" name="planId" value={planId} />
          <Button type="submit" variant="ghost" disabled={removing} aria-label={t("removeLine", { name })}>{t("remove")}</Button>
        </form>
      </div>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}
