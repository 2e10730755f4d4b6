"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { setCurrencyAction } from "@/app/[locale]/(storefront)/actions";
import { initialActionState } from "@/lib/http/action-state";

/** Picks the storefront currency (a cookie); the page renders again with prices in it. */
export function CurrencySelector({ currency, currencies }: { currency: string; currencies: string[] }) {
  const t = useTranslations("Storefront");
  const [, action, pending] = useActionState(setCurrencyAction, initialActionState);
  const form = useRef<HTMLFormElement>(null);
  if (currencies.length < 2) return null;
  return (
    <form ref={form} action={action} className="flex items-center gap-2 text-sm text-slate-600">
      <label htmlFor="currency-select">{t("currency")}</label>
      <select
        id="currency-select"
        name="currency"
        data-testid="currency-selector"
        defaultValue={currency}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-lg border-0 bg-white py-1.5 ps-2 pe-8 text-sm ring-1 ring-inset ring-slate-300"
      >
        {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <noscript><button type="submit" className="underline">{t("currency")}</button></noscript>
    </form>
  );
}
