import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { issueLicense } from "@/lib/licensing/issue-license";
import { verifyStripeWebhook } from "@/lib/payments/stripe/verify-webhook";
import { handleStripeBillingEvent } from "@/lib/subscriptions/handle-stripe-billing-event";
import { startSubscriptionCheckout } from "@/lib/subscriptions/start-subscription-checkout";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { createUser } from "../support/factories";

// A Stripe Billing purchase as it happens for real: a subscription Checkout Session created with the
// stripe SDK against the local fake Stripe, the customer pays, the order side fulfils (an order row
// and issueLicense), and every billing event is signed and verified as the webhook route does.
export const SECRET_KEY = "sk_test_keyfront_billing";
export const WEBHOOK_SECRET = "whsec_keyfront_billing_tests";
const signer = new Stripe("sk_test_signer");

/** Starts the fake and points the billing client at it (call before anything reads the environment). */
export async function startBillingFake(): Promise<FakeStripe> {
  const fake = await startFakeStripe(SECRET_KEY);
  process.env.STRIPE_SECRET_KEY = SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = fake.url;
  return fake;
}

export type SignedEvent = { payload: string; header: string };

export function stripeEvent(type: string, object: unknown, created = Math.floor(Date.now() / 1000)): SignedEvent {
  const payload = JSON.stringify({ id: `evt_${randomBytes(8).toString("hex")}`, object: "event", api_version: "2026-10-28.endive", type, created, data: { object } });
  return { payload, header: signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}

/** Verifies the signature on the raw body (the webhook route's path), then hands the event over. */
export async function deliver(event: SignedEvent) {
  const verified = await verifyStripeWebhook(event.payload, { "stripe-signature": event.header }, { webhookSecret: WEBHOOK_SECRET });
  if (!verified.ok) throw new Error(`verification failed: ${verified.reason}`);
  return handleStripeBillingEvent(verified.event.payload as Stripe.Event);
}

export async function subscriptionPlan(options: { interval?: "MONTH" | "YEAR"; gracePeriodDays?: number } = {}) {
  const product = await db.product.create({ data: { id: newId("product"), slug: `sub-${randomBytes(4).toString("hex")}`, name: "Keyfront Cloud" } });
  return db.plan.create({
    data: { id: newId("plan"), productId: product.id, slug: "monthly", name: "Team", billingInterval: options.interval ?? "MONTH", gracePeriodDays: options.gracePeriodDays ?? 0, activationLimit: 1 },
  });
}

/** A pending order for `quantity` seats of the plan, as the order side stores it. */
export async function pendingOrder(planId: string, quantity = 2, unitMinor = 1500n) {
  const user = await createUser();
  const totalMinor = unitMinor * BigInt(quantity);
  const order = await db.order.create({
    data: {
      id: newId("order"), userId: user.id, status: "PENDING", currency: "EUR", subtotalMinor: totalMinor, totalMinor, quote: {},
      items: { create: { id: newId("orderItem"), planId, quantity, unitPriceMinor: unitMinor, totalMinor } },
    },
    include: { items: true },
  });
  return { user, order };
}

/** What fulfilment does: the order paid and one license with the bought seats (expiry from the plan: none). */
export async function fulfil(order: { id: string; userId: string; items: { id: string; planId: string; quantity: number }[] }) {
  const item = order.items[0]!;
  return db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date() } });
    return issueLicense(tx, { userId: order.userId, planId: item.planId, seats: item.quantity, orderItemId: item.id });
  });
}

/** Checkout → paid → fulfilled → checkout.session.completed; returns the license key and Stripe's objects. */
export async function subscribe(fake: FakeStripe, options: { interval?: "MONTH" | "YEAR"; gracePeriodDays?: number } = {}) {
  const plan = await subscriptionPlan(options);
  const { user, order } = await pendingOrder(plan.id);
  const started = await startSubscriptionCheckout(
    { id: order.id, userId: user.id, currency: "EUR", totalMinor: order.totalMinor, items: [{ planId: plan.id, quantity: 2 }] },
    { returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel", idempotencyKey: `sub-checkout:${order.id}` },
  );
  const paid = fake.completeSubscriptionSession(started.providerPaymentId);
  const license = await fulfil(order);
  const result = await deliver(stripeEvent("checkout.session.completed", fake.sessions.get(started.providerPaymentId)));
  const subscription = await db.subscription.findFirstOrThrow({ where: { orderId: order.id } });
  return { plan, user, order, license, key: license.key, session: fake.sessions.get(started.providerPaymentId)!, ...paid, result, subscription };
}

export const periodEnd = (s: { items: { data: { current_period_end: number }[] } }) => new Date(s.items.data[0]!.current_period_end * 1000);

export async function snapshotCounts() {
  const [subscriptions, audit, licenses] = await Promise.all([db.subscription.count(), db.auditLog.count(), db.license.findMany({ select: { id: true, version: true } })]);
  return { subscriptions, audit, versions: licenses.map((l) => `${l.id}:${l.version}`).sort() };
}
