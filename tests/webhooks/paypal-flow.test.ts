import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPaypalGateway } from "@/lib/payments/paypal/client";
import { handlePaymentWebhook } from "@/lib/payments/handle-payment-webhook";
import type { GatewayResolver } from "@/lib/payments/gateway-resolver";
import { startPayment } from "@/lib/orders/start-payment";
import { capturePayPalOrder } from "@/lib/orders/capture-paypal-order";
import { startFakePaypal, signPaypalWebhook, type FakePaypal } from "../support/fake-paypal";
import { startFakeServer, type FakeServer } from "../support/fake-http";
import { FAKE_PAYPAL_CERT } from "../support/fake-paypal-cert";
import { checkoutCounts, failure } from "../orders/support";
import { orderEffects, pendingPurchase, webhookRequest } from "./support";

const credentials = { clientId: "AYkeyfront-orders", clientSecret: "EGsecret-orders" };
const webhookId = "WH-ORDERS-1";
let fake: FakePaypal;
let elsewhere: FakeServer;

beforeAll(async () => {
  fake = await startFakePaypal(credentials);
  // Serves PayPal's test certificate too, but is not an allowed certificate host.
  elsewhere = await startFakeServer(() => ({ status: 200, body: FAKE_PAYPAL_CERT }));
});
afterAll(() => Promise.all([fake.close(), elsewhere.close()]));

const gateways: GatewayResolver = async () => createPaypalGateway({ ...credentials, webhookId, baseUrl: fake.url, testCertOrigin: fake.url });
const deliver = (body: string, headers: Record<string, string>) => handlePaymentWebhook("paypal", webhookRequest("paypal", body, headers), gateways);

async function paypalOrder(priceMinor = 2500n) {
  const purchase = await pendingPurchase({ priceMinor });
  const started = await startPayment({ userId: purchase.user.id, orderId: purchase.order.id, gateway: "paypal", locale: "fr" }, gateways);
  const row = await db.order.findUniqueOrThrow({ where: { id: purchase.order.id } });
  return { ...purchase, started, paypalOrderId: row.gatewayPaymentId! };
}

describe("PayPal: Orders v2 create and server-side capture, signed webhooks", () => {
  it("creates the PayPal order once per order (PayPal-Request-Id), captures it on approval and fulfils", async () => {
    const { user, order, started, paypalOrderId } = await paypalOrder(2500n);
    expect(started.clientToken).toBe(paypalOrderId);
    const again = await startPayment({ userId: user.id, orderId: order.id, gateway: "paypal", locale: "fr" }, gateways);
    expect(again.clientToken).toBe(paypalOrderId);
    const creates = fake.requests.filter((r) => r.method === "POST" && r.path === "/v2/checkout/orders" && r.headers["paypal-request-id"] === `order-payment:${order.id}:paypal:fr`);
    expect(creates).toHaveLength(2);
    expect(JSON.parse(creates[0]!.body)).toMatchObject({ purchase_units: [{ custom_id: order.id, amount: { currency_code: "USD", value: "25.00" } }] });

    // Another customer cannot capture it.
    const stranger = await pendingPurchase();
    expect((await failure(capturePayPalOrder({ userId: stranger.user.id, orderId: order.id }, gateways))).code).toBe("NOT_FOUND");

    fake.approve(paypalOrderId);
    const [first, second] = await Promise.all([capturePayPalOrder({ userId: user.id, orderId: order.id }, gateways), capturePayPalOrder({ userId: user.id, orderId: order.id }, gateways)]);
    expect([first.outcome, second.outcome].sort()).toEqual(["already_paid", "fulfilled"]);
    const captures = fake.requests.filter((r) => r.path.endsWith("/capture"));
    expect(new Set(captures.map((r) => r.headers["paypal-request-id"]))).toEqual(new Set([`order-capture:${order.id}:${paypalOrderId}`]));
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1, emails: 2 });

    // PayPal's webhook afterwards, delivered twice: nothing more happens.
    const body = JSON.stringify({ id: `WH-${randomBytes(6).toString("hex")}`, event_type: "CHECKOUT.ORDER.COMPLETED", resource: fake.orders.get(paypalOrderId) });
    const headers = fake.signWebhook(body, webhookId);
    expect((await deliver(body, headers)).status).toBe(200);
    expect((await deliver(body, headers)).status).toBe(200);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1, emails: 2 });
  });

  it("an approval webhook captures on the server when the buttons never called back", async () => {
    const { user, order, paypalOrderId } = await paypalOrder(1800n);
    fake.approve(paypalOrderId);
    const body = JSON.stringify({ id: `WH-${randomBytes(6).toString("hex")}`, event_type: "CHECKOUT.ORDER.APPROVED", resource: fake.orders.get(paypalOrderId) });
    const response = await deliver(body, fake.signWebhook(body, webhookId));
    expect(response.status).toBe(200);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1 });
  });

  it("refuses webhooks whose certificate is not on a PayPal host, or whose signature does not match", async () => {
    const { user, order, paypalOrderId } = await paypalOrder(1000n);
    fake.approve(paypalOrderId);
    const body = JSON.stringify({ id: `WH-${randomBytes(6).toString("hex")}`, event_type: "CHECKOUT.ORDER.APPROVED", resource: fake.orders.get(paypalOrderId) });
    const before = await checkoutCounts();
    const foreignCert = signPaypalWebhook(body, webhookId, `${elsewhere.url}/cert.pem`);
    expect((await deliver(body, foreignCert)).status).toBe(401);
    expect((await deliver(body, fake.signWebhook(body, "WH-SOMEONE-ELSE"))).status).toBe(401);
    expect((await deliver(body.replace("APPROVED", "COMPLETED"), fake.signWebhook(body, webhookId))).status).toBe(401);
    expect((await deliver(body, {})).status).toBe(401);
    expect(await checkoutCounts()).toEqual(before);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PENDING", licenses: 0 });
  });
});
