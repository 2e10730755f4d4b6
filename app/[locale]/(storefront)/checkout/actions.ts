"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireViewer } from "@/lib/auth/guards";
import { payForCart } from "@/lib/cart/pay-for-cart";
import { toQuoteSummary, type QuoteSummary } from "@/lib/cart/quote-summary";
import { removePurchasedLines } from "@/lib/cart/remove-purchased-lines";
import { getStorefrontCurrency, readCart, writeCart } from "@/lib/cart/storefront-cookies";
import { capturePayPalOrder } from "@/lib/orders/capture-paypal-order";
import { listAvailableGateways } from "@/lib/payments/get-payment-gateway";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { isLocale, type Locale } from "@/lib/i18n/locales";

export type PayState = ActionState & {
  /** After QUOTE_CHANGED: the new quote to confirm. */
  quoteHash?: string;
  summary?: QuoteSummary;
  /** PayPal: render the buttons for this PayPal order. */
  paypal?: { orderId: string; paypalOrderId: string };
};

async function currentLocale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : "en";
}

export async function payAction(_prev: PayState, form: FormData): Promise<PayState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  const locale = await currentLocale();
  let next: string | null = null;
  let extra: Partial<PayState> = {};
  const state = await runAction(async () => {
    const viewer = await requireViewer();
    const [cart, { currency }, availableGateways] = await Promise.all([readCart(), getStorefrontCurrency(locale), listAvailableGateways()]);
    const result = await payForCart({ userId: viewer.id, cart, currency, locale, availableGateways, form: input });
    if (result.kind === "quoteChanged") {
      extra = { quoteHash: result.quote.quoteHash, summary: toQuoteSummary(result.quote, locale) };
      return { ok: false, code: "QUOTE_CHANGED" };
    }
    if (result.kind === "paypal") extra = { paypal: { orderId: result.orderId, paypalOrderId: result.paypalOrderId } };
    else if (result.kind === "paid") next = `/${locale}/checkout/complete?order=${encodeURIComponent(result.orderId)}`;
    else next = result.url;
  }, { requestId });
  if (next) redirect(next);
  return { ...state, ...extra };
}

/** The PayPal buttons' onApprove: capture on the server, then the return page shows the result. */
export async function capturePaypalAction(orderId: string): Promise<ActionState> {
  const { requestId } = await getRequestContext();
  return runAction(async () => {
    const viewer = await requireViewer();
    await capturePayPalOrder({ userId: viewer.id, orderId });
  }, { requestId });
}

/** Once the return page sees the order paid: take the bought plans out of the cart. */
export async function clearPurchasedAction(orderId: string): Promise<ActionState> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const cart = await readCart();
    const after = await removePurchasedLines(cart, { userId: viewer.id, orderId: String(orderId) });
    if (after !== cart) await writeCart(after);
  });
}
