import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPaypalGateway } from "@/lib/payments/paypal/client";
import { startFakePaypal, type FakePaypal } from "../support/fake-paypal";

const credentials = { clientId: "AYkeyfront", clientSecret: "EGsecret" };
let fake: FakePaypal;

beforeAll(async () => {
  fake = await startFakePaypal(credentials);
});
afterAll(() => fake.close());

const gateway = (overrides: Partial<typeof credentials> = {}) => createPaypalGateway({ ...credentials, ...overrides, webhookId: "WH-1", baseUrl: fake.url });
const input = (key: string, amountMinor = 1999n) => ({
  orderId: "ord_pp_1", amount: { amountMinor, currency: "USD" }, description: "Keyfront Pro", returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel", idempotencyKey: key,
});

describe("PayPal client against a local PayPal", () => {
  it("creates an order with a decimal amount, PayPal-Request-Id and a cached OAuth token", async () => {
    const paypal = gateway();
    const issued = fake.tokensIssued();
    const created = await paypal.createPayment(input("req-1"));
    await paypal.createPayment(input("req-1b"));
    expect(fake.tokensIssued()).toBe(issued + 1);
    expect(created.redirectUrl).toContain(created.providerPaymentId);
    expect(created.clientToken).toBe(created.providerPaymentId);
    const create = fake.requests.find((r) => r.path === "/v2/checkout/orders" && r.headers["paypal-request-id"] === "req-1")!;
    expect(JSON.parse(create.body)).toMatchObject({ intent: "CAPTURE", purchase_units: [{ custom_id: "ord_pp_1", amount: { currency_code: "USD", value: "19.99" } }] });
  });

  it("replays the same order for the same PayPal-Request-Id", async () => {
    const paypal = gateway();
    const first = await paypal.createPayment(input("req-2"));
    expect((await paypal.createPayment(input("req-2"))).providerPaymentId).toBe(first.providerPaymentId);
    await expect(paypal.createPayment(input("req-2", 5000n))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("DUPLICATE_REQUEST_ID") });
  });

  it("gets a new token when the cached one is rejected", async () => {
    const paypal = gateway();
    const created = await paypal.createPayment(input("req-3"));
    const issued = fake.tokensIssued();
    fake.expireTokens();
    expect(await paypal.fetchPayment(created.providerPaymentId)).toMatchObject({ status: "pending", amount: { amountMinor: 1999n, currency: "USD" }, orderId: "ord_pp_1" });
    expect(fake.tokensIssued()).toBe(issued + 1);
  });

  it("captures only an approved order, idempotently, and fetches it as paid", async () => {
    const paypal = gateway();
    const { providerPaymentId } = await paypal.createPayment(input("req-4"));
    await expect(paypal.capture(providerPaymentId, "cap-0")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("ORDER_NOT_APPROVED") });
    fake.approve(providerPaymentId);
    const captured = await paypal.capture(providerPaymentId, "cap-1");
    expect(captured).toMatchObject({ status: "succeeded", received: { amountMinor: 1999n, currency: "USD" } });
    expect(await paypal.capture(providerPaymentId, "cap-1")).toEqual(captured);
    expect(await paypal.fetchPayment(providerPaymentId)).toEqual(captured);
  });

  it("refunds the capture and maps PayPal errors to AppError", async () => {
    const paypal = gateway();
    const { providerPaymentId } = await paypal.createPayment(input("req-5"));
    await expect(paypal.refund(providerPaymentId, { amountMinor: 100n, currency: "USD" })).rejects.toMatchObject({ code: "CONFLICT" });
    fake.approve(providerPaymentId);
    await paypal.capture(providerPaymentId, "cap-5");
    expect(await paypal.refund(providerPaymentId, { amountMinor: 999n, currency: "USD" }, "rf-1")).toMatchObject({ status: "succeeded", amount: { amountMinor: 999n } });
    await expect(paypal.refund(providerPaymentId, { amountMinor: 1500n, currency: "USD" }, "rf-2")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("REFUND_AMOUNT_EXCEEDED") });
    await expect(paypal.fetchPayment("NOSUCHORDER")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway({ clientSecret: "wrong" }).fetchPayment(providerPaymentId)).rejects.toMatchObject({ code: "INTERNAL" });
  });
});
