import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { applyBillingObservations, type ApplyResult } from "./apply-billing-observations";
import type { BillingObservation } from "./billing-state";
import { findSubscriptionOfPayment } from "./find-subscription-of-payment";
import { getStripeBillingClient, stripeCall } from "./stripe-billing-client";
import {
  currentPeriodEndOf, fromUnix, idOf, orderIdOfInvoice, servicePeriodEndOf, stripeChargeSchema, stripeDisputeSchema, stripeEventSchema,
  stripeInvoiceSchema, stripeSessionSchema, stripeSubscriptionSchema, subscriptionIdOfInvoice, subscriptionStatusOf, type StripeSubscriptionObject,
} from "./stripe-objects";

// Stripe Billing events, already signature-verified by the webhook route. Each may come more
// than once and in any order; every change is folded forward (see billing-state.ts), so a
// retry or a late event changes nothing it should not.
//
// Returns "ignored" (nothing written) for event types this does not handle, malformed objects,
// and subscriptions that are not Keyfront's. Throws an AppError when Stripe must be asked and
// cannot be (UNAVAILABLE: the route answers 5xx so Stripe retries). An event that arrives before
// the order's licenses exist is not an error: its state is kept on the Subscription row and
// applied when the licenses are linked (linkOrderSubscription after fulfilment, or the next event).
const SUBSCRIPTION_EVENTS = new Set(["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed"]);
const PAID_EVENTS = new Set(["invoice.paid", "invoice.payment_succeeded"]);

function subscriptionObservation(s: StripeSubscriptionObject, at: Date, deleted: boolean): BillingObservation | null {
  const status = deleted ? "CANCELED" : subscriptionStatusOf(s.status);
  if (!status) return null;
  return {
    kind: "subscription", at, status, currentPeriodEnd: currentPeriodEndOf(s), cancelAtPeriodEnd: s.cancel_at_period_end ?? false,
    endedAt: s.ended_at != null ? fromUnix(s.ended_at) : null,
  };
}

async function onSubscriptionEvent(type: string, object: unknown, at: Date): Promise<ApplyResult> {
  const parsed = stripeSubscriptionSchema.safeParse(object);
  if (!parsed.success) return "ignored";
  const observation = subscriptionObservation(parsed.data, at, type === "customer.subscription.deleted");
  if (!observation) return "ignored";
  return applyBillingObservations({ provider: "stripe", providerSubscriptionId: parsed.data.id, orderId: parsed.data.metadata?.orderId ?? null }, [observation], type);
}

async function onInvoiceEvent(type: string, object: unknown, at: Date): Promise<ApplyResult> {
  const parsed = stripeInvoiceSchema.safeParse(object);
  if (!parsed.success) return "ignored";
  const providerSubscriptionId = subscriptionIdOfInvoice(parsed.data);
  const periodEnd = servicePeriodEndOf(parsed.data);
  if (!providerSubscriptionId || !periodEnd) return "ignored";
  const observation: BillingObservation = PAID_EVENTS.has(type) ? { kind: "paid", periodEnd } : { kind: "failed", at, periodEnd };
  return applyBillingObservations({ provider: "stripe", providerSubscriptionId, orderId: orderIdOfInvoice(parsed.data) }, [observation], type);
}

/** The order side fulfils the order; this records the subscription and, once paid, its first period (read from Stripe). */
async function onCheckoutCompleted(object: unknown): Promise<ApplyResult> {
  const parsed = stripeSessionSchema.safeParse(object);
  if (!parsed.success || parsed.data.mode !== "subscription") return "ignored";
  const providerSubscriptionId = idOf(parsed.data.subscription);
  const orderId = parsed.data.metadata?.orderId ?? parsed.data.client_reference_id ?? null;
  if (!providerSubscriptionId || !orderId) return "ignored";
  const stripe = await getStripeBillingClient();
  const fetched = stripeSubscriptionSchema.safeParse(await stripeCall(() => stripe.subscriptions.retrieve(providerSubscriptionId)));
  if (!fetched.success) throw new AppError("UNAVAILABLE", "Stripe answered with an unexpected subscription");
  const observations: BillingObservation[] = [];
  const current = subscriptionObservation(fetched.data, new Date(Math.floor(Date.now() / 1000) * 1000), false);
  if (current) observations.push(current);
  const periodEnd = currentPeriodEndOf(fetched.data);
  const paid = parsed.data.payment_status === "paid" || parsed.data.payment_status === "no_payment_required";
  if (paid && periodEnd && (fetched.data.status === "active" || fetched.data.status === "trialing")) observations.push({ kind: "paid", periodEnd });
  return applyBillingObservations({ provider: "stripe", providerSubscriptionId, orderId }, observations, "checkout.session.completed");
}

/** A chargeback, or a charge refunded in full: the subscription's licenses are revoked. */
async function onPaymentReversed(type: string, object: unknown, at: Date): Promise<ApplyResult> {
  let paymentIntentId: string | null;
  if (type === "charge.refunded") {
    const charge = stripeChargeSchema.safeParse(object);
    if (!charge.success || !charge.data.refunded) return "ignored";
    paymentIntentId = idOf(charge.data.payment_intent);
  } else {
    const dispute = stripeDisputeSchema.safeParse(object);
    if (!dispute.success) return "ignored";
    paymentIntentId = idOf(dispute.data.payment_intent);
  }
  if (!paymentIntentId) return "ignored";
  const owner = await findSubscriptionOfPayment(paymentIntentId);
  if (!owner) return "ignored";
  const reason = type === "charge.refunded" ? "refund" : "chargeback";
  return applyBillingObservations({ provider: "stripe", ...owner }, [{ kind: "revoked", at, reason }], type);
}

export async function handleStripeBillingEvent(event: Stripe.Event): Promise<"handled" | "ignored"> {
  const parsed = stripeEventSchema.safeParse(event);
  if (!parsed.success) return "ignored";
  const { type, data } = parsed.data;
  const at = parsed.data.created !== undefined ? new Date(parsed.data.created * 1000) : new Date();
  const result = await route(type, data.object, at);
  logger.debug("stripe billing event", { eventId: parsed.data.id, type, result });
  return result;
}

function route(type: string, object: unknown, at: Date): Promise<ApplyResult> {
  if (SUBSCRIPTION_EVENTS.has(type)) return onSubscriptionEvent(type, object, at);
  if (PAID_EVENTS.has(type) || type === "invoice.payment_failed") return onInvoiceEvent(type, object, at);
  if (type === "checkout.session.completed") return onCheckoutCompleted(object);
  if (type === "charge.dispute.created" || type === "charge.refunded") return onPaymentReversed(type, object, at);
  return Promise.resolve("ignored");
}
