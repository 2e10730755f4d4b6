import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { quoteCart } from "@/lib/checkout/quote-cart";
import { createOrder } from "@/lib/orders/create-order";
import { createUser } from "../support/factories";
import { createPricedPlan } from "../orders/support";

/** A customer with a pending order for `quantity` seats of a fresh plan priced `priceMinor` each. */
export async function pendingPurchase(options: { priceMinor?: bigint; quantity?: number; currency?: string; activationLimit?: number } = {}) {
  const currency = options.currency ?? "USD";
  const user = await createUser();
  const { plan, product } = await createPricedPlan({ prices: { [currency]: options.priceMinor ?? 2000n }, activationLimit: options.activationLimit ?? 1 });
  const request = { userId: user.id, currency, lines: [{ planId: plan.id, quantity: options.quantity ?? 1 }], useWallet: false };
  const { quoteHash } = await quoteCart(request);
  const { order } = await createOrder({ ...request, quoteHash, idempotencyKey: `checkout-${randomBytes(8).toString("hex")}` });
  return { user, plan, product, order };
}

/** Row counts that show what a webhook did. */
export async function orderEffects(orderId: string, userId: string) {
  const [order, licenses, emails, walletEntries, events] = await Promise.all([
    db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, paidAt: true, gateway: true, gatewayPaymentId: true, refundedMinor: true } }),
    db.license.count({ where: { userId } }),
    db.email.count({ where: { to: (await db.user.findUniqueOrThrow({ where: { id: userId } })).email } }),
    db.walletEntry.count({ where: { userId } }),
    db.paymentEvent.count(),
  ]);
  return { status: order.status, licenses, emails, walletEntries, events, order };
}

export function webhookRequest(provider: string, body: string, headers: Record<string, string>): Request {
  return new Request(`http://localhost:3000/api/webhooks/${provider}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}
