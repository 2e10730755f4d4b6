import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { quoteCart } from "@/lib/checkout/quote-cart";
import { createOrder } from "@/lib/orders/create-order";
import { expireStaleOrders } from "@/lib/orders/expire-stale-orders";
import { failOrder } from "@/lib/orders/fail-order";
import { startPayment } from "@/lib/orders/start-payment";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { POST as cryptomusWebhook } from "@/app/api/webhooks/cryptomus/route";
import { createPromoCode, createUser } from "../support/factories";
import { checkoutCounts, createPricedPlan, failure, fundWallet } from "./support";

async function heldOrder() {
  const user = await createUser();
  const { plan } = await createPricedPlan({ prices: { USD: 3000n } });
  const promo = await createPromoCode({ maxRedemptions: 1 });
  await fundWallet(user.id, 1000n);
  const request = { userId: user.id, currency: "USD", lines: [{ planId: plan.id, quantity: 1 }], promoCode: promo.code, useWallet: true };
  const { quoteHash } = await quoteCart(request);
  const { order } = await createOrder({ ...request, quoteHash, idempotencyKey: `checkout-${randomBytes(8).toString("hex")}` });
  return { user, promo, order };
}

const balance = async (userId: string) => (await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId, currency: "USD" } } })).balanceMinor;

describe("expiry and failure give back the promo redemption and the wallet hold, exactly once", () => {
  it("three expiry runs at once expire the order once and release once", async () => {
    const { user, promo, order } = await heldOrder();
    expect(order).toMatchObject({ status: "PENDING", walletMinor: 1000n });
    expect(await balance(user.id)).toBe(0n);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(1);

    expect((await expireStaleOrders({ now: new Date() })).expired).toBe(0); // not due yet
    const later = new Date(Date.now() + 31 * 60_000);
    const runs = await Promise.all([expireStaleOrders({ now: later }), expireStaleOrders({ now: later }), expireStaleOrders({ now: later })]);
    expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + (r.walletReleasedMinor.USD ?? 0n), 0n)).toBe(1000n);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
    expect(await balance(user.id)).toBe(1000n);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(0);
    expect(await db.promoRedemption.count({ where: { orderId: order.id } })).toBe(0);
    // Failing it afterwards changes nothing.
    expect((await failOrder(order.id)).outcome).toBe("not_pending");
    expect(await balance(user.id)).toBe(1000n);
    expect(await db.walletEntry.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("failing an order releases its holds once, however often it is failed", async () => {
    const { user, promo, order } = await heldOrder();
    const results = await Promise.all([failOrder(order.id), failOrder(order.id), failOrder(order.id)]);
    expect(results.filter((r) => r.outcome === "closed")).toHaveLength(1);
    expect(await balance(user.id)).toBe(1000n);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(0);
  });
});

describe("startPayment and the webhook routes refuse bad input", () => {
  it("only the owner can pay an order, only while it is pending, and input is checked", async () => {
    const { user, order } = await heldOrder();
    const stranger = await createUser();
    const before = await checkoutCounts();
    expect((await failure(startPayment({ userId: stranger.id, orderId: order.id, gateway: "sandbox", locale: "en" }))).code).toBe("NOT_FOUND");
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "bitcoin" as never, locale: "en" }))).fields).toHaveProperty("gateway");
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "xx" }))).fields).toHaveProperty("locale");
    expect((await failure(startPayment({ userId: user.id, orderId: "ord_1", gateway: "sandbox", locale: "en" }))).fields).toHaveProperty("orderId");
    // Stripe is not configured in this environment.
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "stripe", locale: "en" }))).code).toBe("GATEWAY_UNAVAILABLE");
    await failOrder(order.id);
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" }))).code).toBe("CONFLICT");
    const after = await checkoutCounts();
    expect({ ...after, walletEntries: before.walletEntries, redemptions: before.redemptions }).toEqual(before);
  });

  it("a recurring plan goes to the subscription checkout, through Stripe only", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 900n }, billingInterval: "MONTH" });
    const request = { userId: user.id, currency: "USD", lines: [{ planId: plan.id, quantity: 1 }], useWallet: false };
    const { order } = await createOrder({ ...request, quoteHash: (await quoteCart(request)).quoteHash, idempotencyKey: `checkout-${randomBytes(8).toString("hex")}` });
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" }))).fields).toEqual({ gateway: ["SUBSCRIPTIONS_NEED_STRIPE"] });
    expect((await failure(startPayment({ userId: user.id, orderId: order.id, gateway: "stripe", locale: "en" }))).code).toBe("GATEWAY_UNAVAILABLE");
  });

  it("webhook routes of unconfigured gateways answer 503 (retry later) and write nothing", async () => {
    const before = await checkoutCounts();
    const stripe = await stripeWebhook(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}", headers: { "stripe-signature": "t=1,v1=00" } }));
    expect(stripe.status).toBe(503);
    expect(await stripe.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    expect((await cryptomusWebhook(new Request("http://localhost/api/webhooks/cryptomus", { method: "POST", body: "not json" }))).status).toBe(503);
    expect(await checkoutCounts()).toEqual(before);
  });
});
