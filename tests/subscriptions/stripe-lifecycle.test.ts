import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateLicense } from "@/lib/licensing/validate-license";
import { suspendOverdueLicenses } from "@/lib/subscriptions/suspend-overdue-licenses";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { listSubscriptionsForOwner } from "@/lib/subscriptions/queries";
import { startSubscriptionCheckout } from "@/lib/subscriptions/start-subscription-checkout";
import { createUser, viewerOf } from "../support/factories";
import type { FakeStripe } from "../support/fake-stripe";
import { deliver, pendingOrder, periodEnd, startBillingFake, stripeEvent, subscribe, subscriptionPlan } from "./support";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startBillingFake();
});
afterAll(() => fake.close());

const DAY = 86_400_000;
const expiryOf = async (id: string) => (await db.license.findUniqueOrThrow({ where: { id } })).expiresAt;

describe("subscription checkout", () => {
  it("opens a subscription-mode Checkout Session: recurring price per period, quantity = seats, order id in the metadata", async () => {
    const { session, subscription, key, license, order, result } = await subscribe(fake);
    expect(result).toBe("handled");
    const line = (session.line_items as Record<string, Record<string, unknown>>)["0"]!;
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: order.id, metadata: { orderId: order.id }, subscription_data: { metadata: { orderId: order.id } } });
    expect(line).toMatchObject({ quantity: "2", price_data: { currency: "eur", unit_amount: "1500", recurring: { interval: "month" } } });
    expect(fake.requests.find((r) => r.path === "/v1/checkout/sessions" && r.body.includes(order.id))?.headers["idempotency-key"]).toBe(`sub-checkout:${order.id}`);

    // linked to the order's license; the first paid period is the license's expiry at once
    const stripeSub = fake.subscriptions.get(subscription.providerSubscriptionId)!;
    expect(subscription).toMatchObject({ status: "ACTIVE", userId: order.userId, cancelAtPeriodEnd: false });
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ subscriptionId: subscription.id, expiresAt: periodEnd(stripeSub) });
    const decision = await validateLicense({ key });
    expect(decision).toMatchObject({ valid: true, code: "VALID", license: { expiresAt: periodEnd(stripeSub).toISOString() } });
  });

  it("refuses bad orders without calling Stripe", async () => {
    const plan = await subscriptionPlan();
    const oneTime = await db.plan.update({ where: { id: (await subscriptionPlan()).id }, data: { billingInterval: "ONE_TIME" } });
    const { user, order } = await pendingOrder(plan.id);
    const before = fake.requests.length;
    const opts = { returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel", idempotencyKey: "k-bad" };
    const base = { id: order.id, userId: user.id, currency: "EUR", totalMinor: 3000n, items: [{ planId: plan.id, quantity: 2 }] };
    await expect(startSubscriptionCheckout({ ...base, totalMinor: 0n }, opts)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(startSubscriptionCheckout({ ...base, items: [] }, opts)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(startSubscriptionCheckout({ ...base, currency: "eur" }, opts)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { currency: expect.any(Array) } });
    await expect(startSubscriptionCheckout(base, { ...opts, returnUrl: "not a url" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(startSubscriptionCheckout({ ...base, items: [{ planId: oneTime.id, quantity: 1 }] }, opts)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(fake.requests.length).toBe(before);
  });
});

describe("renewals and failed payments", () => {
  it("a paid renewal extends the license by the billing period, valid at once", async () => {
    const { key, license, subscription } = await subscribe(fake);
    const first = await expiryOf(license.id);
    const renewal = fake.renewSubscription(subscription.providerSubscriptionId, { paid: true });
    expect(await deliver(stripeEvent("invoice.paid", renewal.invoice))).toBe("handled");
    const next = periodEnd(renewal.subscription);
    expect(next.getTime() - first!.getTime()).toBeGreaterThanOrEqual(28 * DAY);
    const decision = await validateLicense({ key });
    expect(decision).toMatchObject({ valid: true, code: "VALID", license: { expiresAt: next.toISOString() } });
  });

  it("failed payment → PAYMENT_OVERDUE at once; after the grace period → SUSPENDED; paid later → VALID again", async () => {
    const { key, license, subscription } = await subscribe(fake, { gracePeriodDays: 3 });
    const failed = fake.renewSubscription(subscription.providerSubscriptionId, { paid: false });
    expect(await deliver(stripeEvent("invoice.payment_failed", failed.invoice))).toBe("handled");
    expect((await validateLicense({ key })).code).toBe("PAYMENT_OVERDUE");
    // a retry that fails again does not move the start of the grace period
    const overdueAt = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).paymentOverdueAt!;
    await deliver(stripeEvent("invoice.payment_failed", failed.invoice, Math.floor(Date.now() / 1000) + 86_400));
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).paymentOverdueAt).toEqual(overdueAt);

    expect((await suspendOverdueLicenses(new Date(overdueAt.getTime() + 2 * DAY))).suspended).not.toContain(license.id);
    const sweeps = await Promise.all(Array.from({ length: 5 }, () => suspendOverdueLicenses(new Date(overdueAt.getTime() + 3 * DAY + 1000))));
    expect(sweeps.flatMap((s) => s.suspended).filter((id) => id === license.id)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { targetId: license.id, action: "license.suspended" } })).toBe(1);
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ status: "SUSPENDED", suspendedReason: "payment_overdue" });
    expect((await validateLicense({ key })).code).toBe("SUSPENDED");

    fake.invoices.get(failed.invoice.id)!.status = "paid";
    expect(await deliver(stripeEvent("invoice.paid", fake.invoices.get(failed.invoice.id)))).toBe("handled");
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ status: "ACTIVE", suspendedReason: null, paymentOverdueAt: null });
    expect(await validateLicense({ key })).toMatchObject({ valid: true, code: "VALID", license: { expiresAt: periodEnd(failed.subscription).toISOString() } });
  });

  it("a license suspended by staff is not reinstated by a payment", async () => {
    const { license, subscription } = await subscribe(fake);
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED", suspendedReason: "abuse" } });
    const renewal = fake.renewSubscription(subscription.providerSubscriptionId, { paid: true });
    await deliver(stripeEvent("invoice.paid", renewal.invoice));
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ status: "SUSPENDED", suspendedReason: "abuse", expiresAt: periodEnd(renewal.subscription) });
  });
});

describe("cancellation", () => {
  it("the owner cancels: Stripe stops renewal, the license stays valid to the period end, then EXPIRED", async () => {
    const { key, license, user, subscription } = await subscribe(fake);
    const stranger = await createUser();
    await expect(cancelSubscription(viewerOf(stranger), { subscriptionId: subscription.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelSubscription(viewerOf(user), { subscriptionId: "sub_nope" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(cancelSubscription(null, { subscriptionId: subscription.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(fake.subscriptions.get(subscription.providerSubscriptionId)!.cancel_at_period_end).toBe(false);

    expect(await cancelSubscription(viewerOf(user), { subscriptionId: subscription.id })).toEqual({ id: subscription.id, cancelAtPeriodEnd: true });
    const stripeSub = fake.subscriptions.get(subscription.providerSubscriptionId)!;
    expect(stripeSub.cancel_at_period_end).toBe(true);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ cancelAtPeriodEnd: true, status: "ACTIVE" });
    expect(await db.auditLog.count({ where: { targetId: subscription.id, action: "subscription.cancel_requested", actorId: user.id } })).toBe(1);
    const [listed] = await listSubscriptionsForOwner(user.id);
    expect(listed).toMatchObject({ id: subscription.id, cancellable: false, renewsAt: null, endsAt: periodEnd(stripeSub) });
    expect(await listSubscriptionsForOwner(stranger.id)).toEqual([]);

    // an older update (before the cancellation) arriving late does not undo it
    await deliver(stripeEvent("customer.subscription.updated", { ...stripeSub, cancel_at_period_end: false }, Math.floor(Date.now() / 1000) - 60));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).cancelAtPeriodEnd).toBe(true);

    const end = periodEnd(stripeSub).getTime();
    expect((await validateLicense({ key }, end - 1000)).code).toBe("VALID");
    Object.assign(stripeSub, { status: "canceled", ended_at: Math.floor(end / 1000) });
    expect(await deliver(stripeEvent("customer.subscription.deleted", stripeSub, Math.floor(end / 1000) + 5))).toBe("handled");
    expect(await expiryOf(license.id)).toEqual(new Date(end));
    expect((await validateLicense({ key }, end + 1000)).code).toBe("EXPIRED");
    await expect(cancelSubscription(viewerOf(user), { subscriptionId: subscription.id })).rejects.toMatchObject({ code: "CONFLICT" });
    // a late "active" update never revives an ended subscription
    await deliver(stripeEvent("customer.subscription.updated", { ...stripeSub, status: "active" }, Math.floor(end / 1000) + 10));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe("CANCELED");
  });
});

describe("chargebacks and refunds", () => {
  it("a dispute on a subscription payment revokes its licenses; a full refund too; a partial refund does not", async () => {
    const a = await subscribe(fake);
    const dispute = { id: "dp_1", object: "dispute", charge: "ch_1", payment_intent: a.intent.id, amount: 3000, status: "needs_response" };
    expect(await deliver(stripeEvent("charge.dispute.created", dispute))).toBe("handled");
    expect((await validateLicense({ key: a.key })).code).toBe("REVOKED");
    expect(await db.license.findUniqueOrThrow({ where: { id: a.license.id } })).toMatchObject({ status: "REVOKED", suspendedReason: "chargeback" });
    // later payments never bring it back
    const renewal = fake.renewSubscription(a.subscription.providerSubscriptionId, { paid: true });
    await deliver(stripeEvent("invoice.paid", renewal.invoice));
    expect((await validateLicense({ key: a.key })).code).toBe("REVOKED");

    const b = await subscribe(fake);
    const charge = { id: "ch_2", object: "charge", payment_intent: b.intent.id, amount: 3000, amount_refunded: 1000, currency: "eur", refunded: false, metadata: {} };
    expect(await deliver(stripeEvent("charge.refunded", charge))).toBe("ignored");
    expect((await validateLicense({ key: b.key })).code).toBe("VALID");
    expect(await deliver(stripeEvent("charge.refunded", { ...charge, amount_refunded: 3000, refunded: true }))).toBe("handled");
    expect((await validateLicense({ key: b.key })).code).toBe("REVOKED");
  });
});
