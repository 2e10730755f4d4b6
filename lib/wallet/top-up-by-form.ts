import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { listStoreCurrencies } from "@/lib/catalog/storefront-currency";
import { parseMinorUnits } from "@/lib/money";
import { createTopUpOrder, MIN_TOP_UP_MINOR } from "@/lib/orders/create-top-up-order";
import { WALLET_CREDIT_GATEWAYS } from "@/lib/orders/credit-locked-top-up";
import { startPayment } from "@/lib/orders/start-payment";
import { listAvailableGateways } from "@/lib/payments/get-payment-gateway";
import type { GatewayId } from "@/lib/payments/gateway";
import type { Locale } from "@/lib/i18n/locales";
import { MAX_ENTRY_MINOR } from "./schemas";

// "Top up" on the wallet page: an amount typed as a decimal in one of the store's currencies, a
// gateway that sends the customer to a payment page, and the form's nonce as the order's
// idempotency key, so a double submit (or a retried post) is one order and one payment.

/** Gateways a top-up may go through: hosted payment pages only (no in-page buttons, not the wallet). */
export const TOP_UP_GATEWAYS = ["cryptomus", "nowpayments", "plisio", "stripe", "sandbox"] as const satisfies readonly GatewayId[];
export type TopUpGateway = (typeof TOP_UP_GATEWAYS)[number];

export const isCryptoGateway = (id: string): boolean => WALLET_CREDIT_GATEWAYS.includes(id);

/** The gateways to offer, in the order above, among those available. */
export function topUpGatewaysOf(available: readonly GatewayId[]): TopUpGateway[] {
  return TOP_UP_GATEWAYS.filter((g) => available.includes(g));
}

const GATEWAY_NAMES: Record<TopUpGateway, string> = { cryptomus: "Cryptomus", nowpayments: "NOWPayments", plisio: "Plisio", stripe: "Stripe", sandbox: "Sandbox" };

/** What the form shows for each offered gateway: crypto ones are labelled as crypto. */
export function topUpGatewayOptions(available: readonly GatewayId[]): { id: TopUpGateway; kind: "crypto" | "card" | "sandbox"; name: string }[] {
  return topUpGatewaysOf(available).map((id) => ({ id, kind: isCryptoGateway(id) ? "crypto" : id === "stripe" ? "card" : "sandbox", name: GATEWAY_NAMES[id] }));
}

/** Field errors are keys under `Wallet.topUpErrors`. */
export const topUpFormSchema = z.object({
  amount: z.string({ error: "required" }).trim().min(1, { error: "required", abort: true }).max(40, "amountInvalid"),
  currency: z.string({ error: "currencyUnavailable" }).trim().toUpperCase().regex(/^[A-Z]{3}$/, "currencyUnavailable"),
  gateway: z.string({ error: "chooseGateway" }).trim().min(1, "chooseGateway"),
  nonce: z.string({ error: "generic" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "generic"),
});

export const topUpOrderKey = (nonce: string) => `wallet-top-up:${nonce}`;

const AMOUNT_PROBLEMS: Record<string, string> = { INVALID_AMOUNT: "amountInvalid", TOO_MANY_DECIMALS: "tooManyDecimals", NEGATIVE_AMOUNT: "amountInvalid" };

function fieldError(field: string, key: string): AppError {
  return new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields: { [field]: [key] } });
}

/** Turns the order and payment codes into the form's field errors; anything else passes through. */
function toFormError(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const fields = err.fields ?? {};
  if (fields.amountMinor) return fieldError("amount", fields.amountMinor.includes("TOO_SMALL") ? "tooSmall" : fields.amountMinor.includes("TOO_LARGE") ? "tooLarge" : "amountInvalid");
  if (fields.currency) return fieldError("currency", "currencyUnavailable");
  if (fields.idempotencyKey) return fieldError("_form", "alreadySubmitted");
  if (fields.gateway || err.code === "GATEWAY_UNAVAILABLE") return fieldError("gateway", "gatewayUnavailable");
  if (err.code === "FORBIDDEN") return fieldError("_form", "forbidden");
  return err;
}

export type TopUpByFormResult = { orderId: string; url: string; replayed: boolean };

/**
 * Places the top-up order and starts its payment; the result is where to send the customer (the
 * provider's page, or the return page when this form already went through). A malformed amount,
 * one outside the top-up limits, a currency the store does not offer or a gateway not offered for
 * top-ups are field errors and write nothing.
 */
export async function topUpByForm(input: { userId: string; locale: Locale; form: unknown }): Promise<TopUpByFormResult> {
  const v = parseInput(topUpFormSchema, input.form);
  const [store, available] = await Promise.all([listStoreCurrencies(), listAvailableGateways()]);
  const errors: Record<string, string[]> = {};
  if (!store.currencies.includes(v.currency)) errors.currency = ["currencyUnavailable"];
  if (!(topUpGatewaysOf(available) as readonly string[]).includes(v.gateway)) errors.gateway = ["gatewayUnavailable"];
  let amountMinor = 0n;
  if (!errors.currency) {
    try {
      amountMinor = parseMinorUnits(v.amount, v.currency);
      if (amountMinor < MIN_TOP_UP_MINOR) errors.amount = ["tooSmall"];
      else if (amountMinor > MAX_ENTRY_MINOR) errors.amount = ["tooLarge"];
    } catch (err) {
      const reason = err instanceof AppError ? err.fields?.amount?.[0] : undefined;
      if (!reason) throw err;
      errors.amount = [AMOUNT_PROBLEMS[reason] ?? "amountInvalid"];
    }
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields: errors });
  const gateway = v.gateway as TopUpGateway;

  try {
    const { order, replayed } = await createTopUpOrder({ userId: input.userId, currency: v.currency, amountMinor, idempotencyKey: topUpOrderKey(v.nonce) });
    const complete = `/${input.locale}/checkout/complete?order=${encodeURIComponent(order.id)}`;
    // Posted again after it was paid (or it expired): show how it ended instead of paying again.
    if (order.status !== "PENDING") return { orderId: order.id, url: complete, replayed };
    const started = await startPayment({ userId: input.userId, orderId: order.id, gateway, locale: input.locale });
    if (!started.redirectUrl) throw fieldError("gateway", "gatewayUnavailable");
    return { orderId: order.id, url: started.redirectUrl, replayed };
  } catch (err) {
    throw toFormError(err);
  }
}
