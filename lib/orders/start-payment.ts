import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { defaultGatewayResolver, type GatewayResolver } from "@/lib/payments/gateway-resolver";
import { startSubscriptionCheckout } from "@/lib/subscriptions/start-subscription-checkout";
import { paymentUrls } from "./payment-urls";
import { startPaymentSchema, type StartPaymentInput } from "./schemas";

// Sends the customer to pay what is left of their pending order through one gateway. The
// idempotency key is per order, gateway and page language: a retried or double-clicked "Pay"
// gets the same provider payment back (the provider refuses a changed request under one key, so
// the language, which is part of the return URL, is part of the key).

export type StartPaymentResult = { redirectUrl: string | null; clientToken: string | null };

export const paymentIdempotencyKey = (orderId: string, gateway: string, locale: string) => `order-payment:${orderId}:${gateway}:${locale}`;

export async function startPayment(input: StartPaymentInput, resolveGateway: GatewayResolver = defaultGatewayResolver): Promise<StartPaymentResult> {
  const v = parseInput(startPaymentSchema, input);
  const order = await db.order.findUnique({
    where: { id: v.orderId },
    select: {
      id: true, userId: true, kind: true, status: true, currency: true, totalMinor: true, walletMinor: true, expiresAt: true,
      user: { select: { email: true } },
      items: { select: { planId: true, quantity: true, plan: { select: { name: true, billingInterval: true, product: { select: { name: true } } } } } },
    },
  });
  // Another customer's order does not exist for this one.
  if (!order || order.userId !== v.userId) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["NOT_FOUND"] } });
  if (order.status !== "PENDING") throw new AppError("CONFLICT", "This order is not waiting for a payment.", { fields: { orderId: ["NOT_PENDING"] } });
  if (order.expiresAt && order.expiresAt.getTime() <= Date.now()) throw new AppError("CONFLICT", "This order has expired.", { fields: { orderId: ["EXPIRED"] } });
  const due = order.totalMinor - order.walletMinor;
  if (due <= 0n) throw new AppError("CONFLICT", "Nothing is left to pay on this order.", { fields: { orderId: ["NOTHING_DUE"] } });

  const urls = paymentUrls(order.id, v.gateway, v.locale);
  const idempotencyKey = paymentIdempotencyKey(order.id, v.gateway, v.locale);
  const recurring = order.items.some((i) => i.plan.billingInterval !== "ONE_TIME");
  if (recurring) {
    if (v.gateway !== "stripe") throw new AppError("GATEWAY_UNAVAILABLE", "Subscriptions are paid through Stripe.", { fields: { gateway: ["SUBSCRIPTIONS_NEED_STRIPE"] } });
    const started = await startSubscriptionCheckout(
      { id: order.id, userId: order.userId, currency: order.currency, totalMinor: due, items: order.items.map((i) => ({ planId: i.planId, quantity: i.quantity })) },
      { returnUrl: urls.returnUrl, cancelUrl: urls.cancelUrl, customerEmail: order.user.email, idempotencyKey },
    );
    await db.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { gateway: "stripe", gatewayPaymentId: started.providerPaymentId } });
    return { redirectUrl: started.redirectUrl, clientToken: null };
  }

  const gateway = await resolveGateway(v.gateway).catch((err: unknown) => {
    throw new AppError("GATEWAY_UNAVAILABLE", "This payment method is not available.", { fields: { gateway: ["UNAVAILABLE"] }, cause: err });
  });
  const description = order.kind === "TOP_UP"
    ? "Keyfront wallet top-up"
    : order.items.map((i) => `${i.plan.product.name} ${i.plan.name} × ${i.quantity}`).join(", ").slice(0, 200);
  const created = await gateway.createPayment({
    orderId: order.id, amount: { amountMinor: due, currency: order.currency }, description,
    returnUrl: urls.returnUrl, cancelUrl: urls.cancelUrl, webhookUrl: urls.webhookUrl, idempotencyKey, customerEmail: order.user.email,
  });
  await db.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { gateway: v.gateway, gatewayPaymentId: created.providerPaymentId } });
  return { redirectUrl: created.redirectUrl, clientToken: created.clientToken };
}
