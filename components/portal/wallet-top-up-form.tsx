"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { topUpAction } from "@/app/[locale]/(portal)/account/wallet/actions";
import { initialActionState, type ActionState } from "@/lib/http/action-state";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

type Gateway = { id: string; kind: "crypto" | "card" | "sandbox"; name: string };

type Props = {
  nonce: string;
  currencies: string[];
  defaultCurrency: string;
  /** The smallest top-up per currency, formatted for the page's language. */
  minimums: Record<string, string>;
  gateways: Gateway[];
};

const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-600 ${invalid ? "ring-red-400" : "ring-slate-300"}`;

/**
 * The wallet's "Top up" card: amount, currency and payment method. The nonce is fresh for every
 * rendered page, so a double submit places one order; the action redirects to the payment page.
 */
export function WalletTopUpForm({ nonce, currencies, defaultCurrency, minimums, gateways }: Props) {
  const t = useTranslations("Wallet");
  const [state, action, pending] = useActionState<ActionState, FormData>(topUpAction, initialActionState);
  const [currency, setCurrency] = useState(state.values?.currency ?? defaultCurrency);
  const [gateway, setGateway] = useState(state.values?.gateway ?? gateways[0]?.id ?? "");
  const message = (key: string | undefined) => (key && t.has(`topUpErrors.${key}` as never) ? t(`topUpErrors.${key}` as never) : t("topUpErrors.generic"));
  const fieldMessage = (field: string) => (state.fields?.[field]?.length ? message(state.fields[field]![0]) : null);
  const amountError = fieldMessage("amount");
  const currencyError = fieldMessage("currency");
  const gatewayError = fieldMessage("gateway");
  const formError = !state.ok && state.code && !amountError && !currencyError && !gatewayError ? message(state.fields?._form?.[0]) : null;
  if (gateways.length === 0) return <p className="text-sm text-slate-600">{t("topUpNoGateways")}</p>;
  return (
    <form action={action} className="space-y-4" noValidate data-testid="top-up-form">
      <input type="hidden" name="nonce" value={nonce} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <div>
          <label htmlFor="top-up-amount" className="block text-sm font-medium text-slate-800">{t("topUpAmount")}</label>
          <input
            id="top-up-amount" name="amount" inputMode="decimal" dir="ltr" autoComplete="off" required maxLength={40}
            defaultValue={state.values?.amount ?? ""} aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? "top-up-amount-error" : "top-up-amount-hint"} className={inputClass(!!amountError)}
          />
          {amountError
            ? <p id="top-up-amount-error" className="mt-1 text-xs text-red-600">{amountError}</p>
            : <p id="top-up-amount-hint" className="mt-1 text-xs text-slate-500">{t("topUpAmountHint", { min: minimums[currency] ?? "" })}</p>}
        </div>
        <div>
          <label htmlFor="top-up-currency" className="block text-sm font-medium text-slate-800">{t("topUpCurrency")}</label>
          <select
            id="top-up-currency" name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)} dir="ltr"
            aria-invalid={currencyError ? true : undefined} aria-describedby={currencyError ? "top-up-currency-error" : undefined} className={inputClass(!!currencyError)}
          >
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          {currencyError ? <p id="top-up-currency-error" className="mt-1 text-xs text-red-600">{currencyError}</p> : null}
        </div>
      </div>
      <fieldset aria-describedby={gatewayError ? "top-up-gateway-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("topUpMethod")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {gateways.map((g) => (
            <label key={g.id} className="flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600">
              <input type="radio" name="gateway" value={g.id} checked={gateway === g.id} onChange={() => setGateway(g.id)} className="h-4 w-4 text-brand-600" />
              <span className="text-sm font-medium text-slate-800">
                {g.kind === "crypto" ? t("topUpGatewayCrypto", { name: g.name }) : g.kind === "card" ? t("topUpGatewayCard", { name: g.name }) : t("topUpGatewaySandbox")}
              </span>
            </label>
          ))}
        </div>
        {gatewayError ? <p id="top-up-gateway-error" className="mt-1 text-xs text-red-600">{gatewayError}</p> : null}
        {gateways.some((g) => g.kind === "crypto") ? <p className="mt-2 text-xs text-slate-500">{t("topUpCryptoNote")}</p> : null}
      </fieldset>
      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit" disabled={pending || !gateway} data-testid="top-up-submit">{pending ? t("topUpSubmitting") : t("topUpSubmit")}</Button>
    </form>
  );
}
