import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { isQuoteChangedError } from "@/lib/checkout/quote-changed-error";
import type { CartQuote } from "@/lib/checkout/quote-cart";
import { createOrder } from "@/lib/orders/create-order";
import { startPayment } from "@/lib/orders/start-payment";
import { GATEWAY_IDS, type GatewayId } from "@/lib/payments/gateway";
import type { Locale } from "@/lib/i18n/locales";
import type { Cart } from "./schemas";

// "Pay" on the checkout page: the order for the cart as quoted (the hash the page showed), then
// the payment through the chosen gateway. The idempotency key is a nonce rendered into the page,
// so a double click or a resubmit of the same page gives back the same order and payment.

/** Gateways that take a purchase (crypto gateways top up the wallet instead). */
export const PURCHASE_GATEWAYS = ["stripe", "paypal", "sandbox"] as const satisfies readonly GatewayId[];

export const payForCartSchema = z.object({
  quoteHash: z.string({ error: "REQUIRED" }).regex(/^[0-9a-f]{64}$/, "INVALID"),
  idempotencyKey: z.string({ error: "REQUIRED" }).regex(/^[A-Za-z0-9_-]{16,100}$/, "INVALID"),
  gateway: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(GATEWAY_IDS, { error: "GATEWAY_UNAVAILABLE" }).optional()),
});

export type PayForCartResult =
  | { kind: "paid"; orderId: string }
  | { kind: "redirect"; orderId: string; url: string }
  | { kind: "paypal"; orderId: string; paypalOrderId: string }
  | { kind: "quoteChanged"; quote: CartQuote };

/**
 * Places the order for `cart` and starts its payment. Bad input (a malformed hash or key, a
 * gateway not offered, an empty cart) throws VALIDATION_FAILED before anything is written; a
 * quote that changed answers `quoteChanged` with the new quote and writes nothing.
 */
export async function payForCart(input: {
  userId: string; cart: Cart; currency: string; locale: Locale; availableGateways: readonly GatewayId[]; form: unknown;
}): Promise<PayForCartResult> {
  const { quoteHash, idempotencyKey, gateway } = parseInput(payForCartSchema, input.form);
  if (input.cart.lines.length === 0) throw new AppError("VALIDATION_FAILED", "The cart is empty.", { fields: { _form: ["EMPTY_CART"] } });
  const offered = input.availableGateways.filter((g) => (PURCHASE_GATEWAYS as readonly string[]).includes(g));
  if (gateway && !offered.includes(gateway)) {
    throw new AppError("VALIDATION_FAILED", "This payment method is not available.", { fields: { gateway: ["GATEWAY_UNAVAILABLE"] } });
  }
  let orderId: string;
  let status: string;
  try {
    const { order } = await createOrder({
      userId: input.userId, currency: input.currency, lines: input.cart.lines, promoCode: input.cart.promoCode ?? undefined,
      useWallet: input.cart.useWallet, quoteHash, idempotencyKey,
    });
    orderId = order.id;
    status = order.status;
  } catch (err) {
    if (isQuoteChangedError(err)) return { kind: "quoteChanged", quote: err.quote };
    throw err;
  }
  if (status === "PAID") return { kind: "paid", orderId };
  if (status !== "PENDING") throw new AppError("CONFLICT", "This order can no longer be paid.", { fields: { _form: ["CONFLICT"] } });
  // The order waits (and expires) unpaid; submitting again with a method reuses it.
  if (!gateway) throw new AppError("VALIDATION_FAILED", "Choose a payment method.", { fields: { gateway: ["CHOOSE_GATEWAY"] } });
  const started = await startPayment({ userId: input.userId, orderId, gateway, locale: input.locale });
  if (gateway === "paypal" && started.clientToken) return { kind: "paypal", orderId, paypalOrderId: started.clientToken };
  if (!started.redirectUrl) throw new AppError("GATEWAY_UNAVAILABLE", "The payment provider gave no payment page.");
  return { kind: "redirect", orderId, url: started.redirectUrl };
}
