import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateLicense } from "@/lib/licensing/validate-license";
import { handleStripeBillingEvent } from "@/lib/subscriptions/handle-stripe-billing-event";
import { linkOrderSubscription } from "@/lib/subscriptions/link-order-subscription";
import type Stripe from "stripe";
import type { FakeStripe } from "../support/fake-stripe";
import { deliver, fulfil, pendingOrder, periodEnd, snapshotCounts, startBillingFake, stripeEvent, subscribe, subscriptionPlan } from "./support";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startBillingFake();
});
afterAll(() => fake.close());

const now = () => Math.floor(Date.now() / 1000);

describe("retries and reordering", () => {
  it("the same events 5× each, an old invoice.paid after a newer one, a failure of a paid period: one extension, same final state", async () => {
    const { key, license, subscription } = await subscribe(fake);
    const second = fake.renewSubscription(subscription.providerSubscriptionId, { paid: true });
    const secondInvoice = structuredClone(second.invoice);
    const third = fake.renewSubscription(subscription.providerSubscriptionId, { paid: true });
    const finalEnd = periodEnd(third.subscription);
    const versionBefore = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).version;

    const newer = stripeEvent("invoice.paid", third.invoice);
    await Promise.all(Array.from({ length: 5 }, () => deliver(newer)));
    const older = stripeEvent("invoice.paid", secondInvoice);
    await Promise.all(Array.from({ length: 5 }, () => deliver(older)));
    await deliver(stripeEvent("invoice.payment_failed", secondInvoice));

    const after = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(after).toMatchObject({ expiresAt: finalEnd, paymentOverdueAt: null, version: versionBefore + 1 });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ paidThroughAt: finalEnd, paymentOverdueAt: null, overduePeriodEnd: null });
    expect(await db.auditLog.count({ where: { targetId: license.id, action: "license.subscription_synced", createdAt: { gt: new Date(Date.now() - 60_000) } } })).toBe(2); // checkout link + one extension
    expect(await validateLicense({ key })).toMatchObject({ code: "VALID", license: { expiresAt: finalEnd.toISOString() } });
  });

  it("customer.subscription.updated before .created (and each 5×) ends in the newer state", async () => {
    const { subscription } = await subscribe(fake);
    const stripeSub = fake.subscriptions.get(subscription.providerSubscriptionId)!;
    const t = now() + 100;
    const created = stripeEvent("customer.subscription.created", { ...stripeSub, status: "incomplete", cancel_at_period_end: false }, t);
    const updated = stripeEvent("customer.subscription.updated", { ...stripeSub, status: "active", cancel_at_period_end: true }, t + 1);
    const sameSecondRegression = stripeEvent("customer.subscription.updated", { ...stripeSub, status: "incomplete" }, t + 1);
    await Promise.all(Array.from({ length: 5 }, () => deliver(updated)));
    await Promise.all(Array.from({ length: 5 }, () => deliver(created)));
    await deliver(sameSecondRegression);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true, stateAsOf: new Date((t + 1) * 1000) });
    expect(await db.subscription.count({ where: { providerSubscriptionId: subscription.providerSubscriptionId } })).toBe(1);
  });

  it("events before fulfilment are kept on the subscription and applied when the licenses are linked", async () => {
    const plan = await subscriptionPlan();
    const { order } = await pendingOrder(plan.id);
    const t = now();
    const start = t;
    const end = t + 30 * 86_400;
    const sub = {
      id: `sub_early${t}`, object: "subscription", status: "active", cancel_at_period_end: false, metadata: { orderId: order.id },
      items: { object: "list", data: [{ id: "si_1", object: "subscription_item", current_period_start: start, current_period_end: end }] },
    };
    const invoice = {
      id: `in_early${t}`, object: "invoice", status: "paid",
      parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: { orderId: order.id } } },
      lines: { object: "list", data: [{ period: { start, end } }] },
    };
    // both arrive concurrently, before the order's licenses exist: one subscription row
    expect(await Promise.all([deliver(stripeEvent("invoice.paid", invoice, t)), deliver(stripeEvent("customer.subscription.created", sub, t))])).toEqual(["handled", "handled"]);
    expect(await db.subscription.findMany({ where: { orderId: order.id } })).toEqual([expect.objectContaining({ status: "ACTIVE", paidThroughAt: new Date(end * 1000), planId: plan.id })]);

    const license = await fulfil(order);
    expect(license.expiresAt).toBeNull(); // issued as the plan says: no duration of its own
    expect(await linkOrderSubscription(order.id)).toBe(1);
    expect(await linkOrderSubscription(order.id)).toBe(1);
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ expiresAt: new Date(end * 1000), subscriptionId: expect.stringMatching(/^sub_/) });
    expect((await validateLicense({ key: license.key })).code).toBe("VALID");
  });
});

describe("bad and unknown events", () => {
  it("answer ignored and write nothing", async () => {
    const { subscription, order } = await subscribe(fake);
    const stripeSub = fake.subscriptions.get(subscription.providerSubscriptionId)!;
    const before = await snapshotCounts();
    const foreign = {
      id: "in_foreign", object: "invoice",
      parent: { subscription_details: { subscription: "sub_not_ours", metadata: {} } }, lines: { data: [{ period: { start: now(), end: now() + 1000 } }] },
    };
    const cases = [
      stripeEvent("customer.created", { id: "cus_1", object: "customer" }),
      stripeEvent("invoice.paid", foreign),
      stripeEvent("invoice.paid", { ...foreign, parent: { subscription_details: { subscription: "sub_x", metadata: { orderId: "ord_missing" } } } }),
      stripeEvent("invoice.paid", { id: "in_bad", object: "invoice", lines: { data: [{ period: { end: "soon" } }] } }),
      stripeEvent("invoice.payment_failed", { id: "in_nosub", object: "invoice", lines: { data: [] } }),
      stripeEvent("customer.subscription.updated", { ...stripeSub, id: "sub_unknown", metadata: {} }),
      stripeEvent("customer.subscription.updated", { ...stripeSub, status: "exploded" }),
      stripeEvent("customer.subscription.updated", { id: stripeSub.id, object: "customer" }),
      stripeEvent("checkout.session.completed", { id: "cs_1", object: "checkout.session", mode: "payment", payment_status: "paid", metadata: { orderId: order.id } }),
      stripeEvent("charge.dispute.created", { id: "dp_x", object: "dispute", charge: "ch_x", payment_intent: "pi_unknown" }),
      stripeEvent("charge.dispute.created", { id: "dp_y", object: "dispute", charge: "ch_y", payment_intent: null }),
    ];
    for (const event of cases) expect(await deliver(event)).toBe("ignored");
    for (const malformed of [{}, { id: "evt_1", type: "invoice.paid" }, { id: "evt_2", type: "invoice.paid", data: { object: "nope" } }, null]) {
      expect(await handleStripeBillingEvent(malformed as unknown as Stripe.Event)).toBe("ignored");
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});
