import type Stripe from "stripe";
import { db } from "@/lib/db";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { failOrder } from "@/lib/orders/fail-order";
import { reconcileProviderRefund } from "@/lib/orders/reconcile-provider-refund";
import { paypalCaptureKey } from "@/lib/orders/capture-paypal-order";
import { handleStripeBillingEvent } from "@/lib/subscriptions/handle-stripe-billing-event";
import type { NormalizedEvent, PaymentGateway, PaymentSnapshot } from "./gateway";
import type { PaypalGateway } from "./paypal/client";

// What a verified webhook does. The event only says "look at this payment": its state is fetched
// from the provider (the source of truth) and applied to the order. Reordered or repeated events
// are harmless: fulfilment and failure are compare-and-set on PENDING, a "failed" for a paid order
// changes nothing, a "pending" is ignored, and only the order's current payment can fail it.

export type ProcessOutcome = { outcome: string; note?: string };

const ORDER_ID = /^ord_[0-9A-Z]{26}$/;

async function findOrder(event: NormalizedEvent) {
  const select = { id: true, kind: true, status: true, gateway: true, gatewayPaymentId: true } as const;
  if (event.orderId && ORDER_ID.test(event.orderId)) return db.order.findUnique({ where: { id: event.orderId }, select });
  if (!event.providerPaymentId) return null;
  return db.order.findFirst({ where: { gateway: event.provider, gatewayPaymentId: event.providerPaymentId }, select });
}

function stripeEvent(event: NormalizedEvent): Stripe.Event {
  return event.payload as Stripe.Event;
}

function isSubscriptionSession(event: NormalizedEvent): boolean {
  const object = (event.payload as { data?: { object?: { object?: unknown; mode?: unknown } } }).data?.object;
  return event.provider === "stripe" && object?.object === "checkout.session" && object.mode === "subscription";
}

async function applySnapshot(order: { id: string; gatewayPaymentId: string | null }, snapshot: PaymentSnapshot, event: NormalizedEvent): Promise<ProcessOutcome> {
  switch (snapshot.status) {
    case "succeeded":
    case "partially_paid": {
      const result = await fulfilOrder(order.id, snapshot);
      return { outcome: result.outcome, note: result.detail };
    }
    case "failed":
    case "canceled":
    case "expired": {
      // Another payment of the same order may still be under way (a second Checkout Session).
      if (order.gatewayPaymentId && order.gatewayPaymentId !== snapshot.providerPaymentId) return { outcome: "ignored", note: "not the order's current payment" };
      const closed = await failOrder(order.id);
      return { outcome: closed.outcome === "closed" ? "failed" : "ignored", note: closed.outcome === "closed" ? undefined : `order is ${closed.status}` };
    }
    case "refunded":
      return { outcome: await reconcileProviderRefund(order.id, event) };
    default:
      return { outcome: "ignored", note: "payment still pending" };
  }
}

export async function processWebhookEvent(event: NormalizedEvent, gateway: PaymentGateway): Promise<ProcessOutcome> {
  if (!event.actionable) {
    // Stripe Billing decides which of these it handles (invoices, subscriptions, disputes).
    if (event.provider === "stripe") return { outcome: `billing_${await handleStripeBillingEvent(stripeEvent(event))}` };
    return { outcome: "ignored", note: "event carries no payment state" };
  }
  const order = await findOrder(event);
  // A refunded subscription charge belongs to no order's payment: its subscription decides.
  if (!order && event.provider === "stripe" && event.type === "charge.refunded") return { outcome: `billing_${await handleStripeBillingEvent(stripeEvent(event))}` };
  if (!order) return { outcome: "unknown_order", note: `no order for ${event.provider} payment ${event.providerPaymentId}` };

  if (event.status === "refunded") return { outcome: await reconcileProviderRefund(order.id, event) };

  // PayPal: an approved order whose buttons never called back is captured here.
  if (event.provider === "paypal" && event.type === "CHECKOUT.ORDER.APPROVED" && order.status === "PENDING" && order.gatewayPaymentId === event.providerPaymentId) {
    const snapshot = await (gateway as PaypalGateway).capture(event.providerPaymentId, paypalCaptureKey(order.id, event.providerPaymentId));
    return applySnapshot(order, snapshot, event);
  }
  if (event.status === "pending") return { outcome: "ignored", note: "pending" };

  const snapshot = await gateway.fetchPayment(event.providerPaymentId);
  if (snapshot.orderId !== null && snapshot.orderId !== order.id) return { outcome: "mismatch", note: `payment belongs to ${snapshot.orderId}` };
  const applied = await applySnapshot(order, snapshot, event);
  if (isSubscriptionSession(event)) await handleStripeBillingEvent(stripeEvent(event));
  return applied;
}
