import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createStripeGateway } from "@/lib/payments/stripe/client";
import { handlePaymentWebhook } from "@/lib/payments/handle-payment-webhook";
import type { GatewayResolver } from "@/lib/payments/gateway-resolver";
import { startPayment } from "@/lib/orders/start-payment";
import { refundOrder } from "@/lib/orders/refund-order";
import { validateLicense } from "@/lib/licensing/validate-license";
import { createUser, viewerOf } from "../support/factories";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { failure } from "../orders/support";
import { orderEffects, pendingPurchase, webhookRequest } from "./support";

const secretKey = "sk_test_keyfront_orders";
const webhookSecret = "whsec_keyfront_orders_test";
const stripe = new Stripe(secretKey);
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe(secretKey);
});
afterAll(() => fake.close());

const gateways: GatewayResolver = async () =>
  createStripeGateway({ secretKey, webhookSecret, host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 });

function signed(event: Record<string, unknown>, secret = webhookSecret) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
const deliver = (e: { payload: string; header: string }) => handlePaymentWebhook("stripe", webhookRequest("stripe", e.payload, { "stripe-signature": e.header }), gateways);
const eventOf = (type: string, object: unknown) => ({ id: `evt_${randomBytes(8).toString("hex")}`, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object } });

async function paidStripeOrder(priceMinor = 4000n, quantity = 1) {
  const purchase = await pendingPurchase({ priceMinor, quantity, activationLimit: 2 });
  const started = await startPayment({ userId: purchase.user.id, orderId: purchase.order.id, gateway: "stripe", locale: "en" }, gateways);
  expect(started.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
  const order = await db.order.findUniqueOrThrow({ where: { id: purchase.order.id } });
  const sessionId = order.gatewayPaymentId!;
  expect(fake.sessions.get(sessionId)).toMatchObject({ amount_total: Number(priceMinor) * quantity, client_reference_id: order.id });
  const intent = fake.completeSession(sessionId);
  const completed = signed(eventOf("checkout.session.completed", fake.sessions.get(sessionId)));
  expect((await deliver(completed)).status).toBe(200);
  return { ...purchase, sessionId, intent, completed };
}

describe("Stripe: Checkout Session, signed webhook, fulfilment, refunds", () => {
  it("a signed checkout.session.completed pays the order and issues its license; replays change nothing", async () => {
    const { user, order, completed, intent } = await paidStripeOrder(4000n, 2);
    const effects = await orderEffects(order.id, user.id);
    expect(effects).toMatchObject({ status: "PAID", licenses: 1, emails: 2 });
    // The webhook was checked against Stripe itself: the session was fetched by its id.
    expect(fake.requests.some((r) => r.method === "GET" && r.path.startsWith("/v1/checkout/sessions/"))).toBe(true);
    // Stripe also sends payment_intent.succeeded, and the same event again.
    const intentEvent = signed(eventOf("payment_intent.succeeded", intent));
    const again = await Promise.all([deliver(completed), deliver(completed), deliver(intentEvent)]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1, emails: 2 });
  });

  it("a webhook with a wrong signature, or for a session that Stripe says is unpaid, pays nothing", async () => {
    const purchase = await pendingPurchase({ priceMinor: 1000n });
    await startPayment({ userId: purchase.user.id, orderId: purchase.order.id, gateway: "stripe", locale: "en" }, gateways);
    const sessionId = (await db.order.findUniqueOrThrow({ where: { id: purchase.order.id } })).gatewayPaymentId!;
    // Forged: claims "paid" in the body, signed with another secret.
    const lie = eventOf("checkout.session.completed", { ...fake.sessions.get(sessionId), payment_status: "paid", status: "complete" });
    const events = await db.paymentEvent.count();
    expect((await deliver(signed(lie, "whsec_someone_else"))).status).toBe(401);
    expect(await db.paymentEvent.count()).toBe(events);
    // Correctly signed but Stripe says unpaid: the fetched state wins.
    expect((await deliver(signed(lie))).status).toBe(200);
    expect(await orderEffects(purchase.order.id, purchase.user.id)).toMatchObject({ status: "PENDING", licenses: 0, emails: 0 });
  });

  it("answers 503 when Stripe cannot be reached, so Stripe retries; the retry then pays", async () => {
    const purchase = await pendingPurchase({ priceMinor: 1200n });
    await startPayment({ userId: purchase.user.id, orderId: purchase.order.id, gateway: "stripe", locale: "en" }, gateways);
    const sessionId = (await db.order.findUniqueOrThrow({ where: { id: purchase.order.id } })).gatewayPaymentId!;
    fake.completeSession(sessionId);
    const event = signed(eventOf("checkout.session.completed", fake.sessions.get(sessionId)));
    const down: GatewayResolver = async () => createStripeGateway({ secretKey, webhookSecret, host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0 });
    const refused = await handlePaymentWebhook("stripe", webhookRequest("stripe", event.payload, { "stripe-signature": event.header }), down);
    expect(refused.status).toBe(503);
    expect(await orderEffects(purchase.order.id, purchase.user.id)).toMatchObject({ status: "PENDING", licenses: 0 });
    expect((await deliver(event)).status).toBe(200);
    expect(await orderEffects(purchase.order.id, purchase.user.id)).toMatchObject({ status: "PAID", licenses: 1 });
  });

  it("admin refunds: partial, then the rest revokes the licenses (validate says REVOKED at once); never more than paid", async () => {
    const { user, order } = await paidStripeOrder(5000n);
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const license = await db.license.findFirstOrThrow({ where: { userId: user.id } });
    const key = decryptSecret(license.keyCiphertext, license.id);
    expect((await validateLicense({ key })).valid).toBe(true);

    // A customer or support user cannot refund.
    const customer = viewerOf(await createUser());
    expect((await failure(refundOrder(customer, { orderId: order.id, amountMinor: 100n, reason: "nope", idempotencyKey: "refund-nope-1" }, {}, gateways))).code).toBe("FORBIDDEN");

    const partial = await refundOrder(admin, { orderId: order.id, amountMinor: 2000n, reason: "Customer asked", idempotencyKey: "refund-partial-1" }, {}, gateways);
    expect(partial).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 2000n, gatewayMinor: 2000n, walletMinor: 0n, replayed: false });
    expect((await refundOrder(admin, { orderId: order.id, amountMinor: 2000n, reason: "Customer asked", idempotencyKey: "refund-partial-1" }, {}, gateways)).replayed).toBe(true);
    expect((await validateLicense({ key })).valid).toBe(true);

    const over = await failure(refundOrder(admin, { orderId: order.id, amountMinor: 3001n, reason: "Too much", idempotencyKey: "refund-over-1" }, {}, gateways));
    expect(over).toMatchObject({ code: "VALIDATION_FAILED", fields: { amount: ["EXCEEDS_REFUNDABLE"] } });

    const rest = await refundOrder(admin, { orderId: order.id, reason: "Rest", idempotencyKey: "refund-rest-1" }, {}, gateways);
    expect(rest).toMatchObject({ status: "REFUNDED", refundedMinor: 5000n, gatewayMinor: 3000n });
    expect((await validateLicense({ key })).code).toBe("REVOKED");
    const intent = [...fake.intents.values()].find((i) => i.metadata && (i.metadata as Record<string, string>).orderId === order.id)!;
    expect(intent.refunded).toBe(5000);
    expect(await db.auditLog.count({ where: { action: "order.refunded", targetId: order.id } })).toBe(2);
    expect((await failure(refundOrder(admin, { orderId: order.id, amountMinor: 1n, reason: "More", idempotencyKey: "refund-more-1" }, {}, gateways))).code).toMatch(/VALIDATION_FAILED|CONFLICT/);
  });

  it("a refund made in the Stripe dashboard (charge.refunded) is booked once and revokes on full refund", async () => {
    const { user, order, intent } = await paidStripeOrder(3000n);
    const charge = (refunded: number) => ({ id: `ch_${intent.id.slice(3)}`, object: "charge", amount: 3000, amount_refunded: refunded, currency: "usd", payment_intent: intent.id, refunded: refunded === 3000, metadata: { orderId: order.id } });
    const partial = signed(eventOf("charge.refunded", charge(1000)));
    await Promise.all([deliver(partial), deliver(partial)]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(1000n);
    const full = signed(eventOf("charge.refunded", charge(3000)));
    expect((await deliver(full)).status).toBe(200);
    expect((await deliver(signed(eventOf("charge.refunded", charge(3000))))).status).toBe(200);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "REFUNDED", order: { refundedMinor: 3000n } });
    expect(await db.orderRefund.count({ where: { orderId: order.id, source: "PROVIDER" } })).toBe(2);
    expect((await db.license.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("REVOKED");
  });

  it("billing events go to the subscription handler and are acknowledged", async () => {
    const response = await deliver(signed(eventOf("invoice.paid", { id: "in_1", object: "invoice" })));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, outcome: "billing_ignored" });
  });
});
