"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { payAction, type PayState } from "@/app/[locale]/(storefront)/checkout/actions";
import type { QuoteSummary } from "@/lib/cart/quote-summary";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { QuoteSummaryCard } from "@/components/cart/quote-summary-card";
import { PaypalButtons } from "./paypal-buttons";

const GATEWAY_LABEL_KEYS = { sandbox: "gateways.sandbox", stripe: "gateways.stripe" } as const;

type Props = {
  quoteHash: string;
  nonce: string;
  summary: QuoteSummary;
  gateways: string[];
  paypalClientId: string | null;
};

function errorMessage(t: ReturnType<typeof useTranslations>, state: PayState): string | null {
  if (state.ok || !state.code || state.code === "QUOTE_CHANGED") return null;
  const reason = Object.values(state.fields ?? {}).flat()[0];
  for (const key of [reason, state.code]) if (key && t.has(`errors.${key}`)) return t(`errors.${key}` as never);
  return t("errors.generic");
}

/** Payment method and "Pay"; the page's nonce makes a double submit one order. */
export function CheckoutForm({ quoteHash, nonce, summary, gateways, paypalClientId }: Props) {
  const t = useTranslations("Checkout");
  const [state, action, pending] = useActionState(payAction, { ok: false } as PayState);
  const [gateway, setGateway] = useState(gateways[0] ?? "");
  const current = state.summary ?? summary;
  const hash = state.quoteHash ?? quoteHash;
  const error = errorMessage(t, state);
  return (
    <div className="space-y-4">
      {state.summary ? (
        <>
          <Alert tone="amber">{t("quoteChanged")}</Alert>
          <QuoteSummaryCard summary={state.summary} title={t("summary")} />
        </>
      ) : null}
      <form action={action} className="space-y-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="checkout-form">
        <input type="hidden" name="quoteHash" value={hash} />
        <input type="hidden" name="idempotencyKey" value={nonce} />
        {current.nothingDue ? null : (
          <fieldset>
            <legend className="text-sm font-semibold text-slate-900">{t("paymentMethod")}</legend>
            {gateways.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("noGateways")}</p> : (
              <div className="mt-3 space-y-2">
                {gateways.map((g) => (
                  <label key={g} className="flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600">
                    <input type="radio" name="gateway" value={g} checked={gateway === g} onChange={() => setGateway(g)} className="h-4 w-4 text-brand-600" />
                    <span className="text-sm font-medium text-slate-800">{g === "paypal" ? "PayPal" : t(GATEWAY_LABEL_KEYS[g as keyof typeof GATEWAY_LABEL_KEYS] ?? "gateways.sandbox")}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )}
        {error ? <Alert>{error}</Alert> : null}
        {state.paypal && paypalClientId ? (
          <PaypalButtons clientId={paypalClientId} currency={current.currency} orderId={state.paypal.orderId} paypalOrderId={state.paypal.paypalOrderId} />
        ) : (
          <Button type="submit" disabled={pending || (!current.nothingDue && !gateway)} className="w-full" data-testid="pay">
            {pending ? t("paying") : state.summary ? t("confirmNew") : current.nothingDue ? t("payWithWallet") : t("pay", { amount: current.due })}
          </Button>
        )}
        <p className="text-xs text-slate-500">{t("secureNote")}</p>
      </form>
    </div>
  );
}
