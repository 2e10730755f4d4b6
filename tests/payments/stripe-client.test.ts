import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createStripeGateway } from "@/lib/payments/stripe/client";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";

const secretKey = "sk_test_keyfront_fake";
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe(secretKey);
});
afterAll(() => fake.close());

function gateway(key = secretKey) {
  return createStripeGateway({ secretKey: key, webhookSecret: "whsec_x", host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 });
}

const input = (key: string, amountMinor = 2500n) => ({
  orderId: "ord_stripe_1", amount: { amountMinor, currency: "EUR" }, description: "Keyfront Pro", returnUrl: "https://shop.test/ok",
  cancelUrl: "https://shop.test/cancel", idempotencyKey: key,
});

describe("Stripe client against a local Stripe", () => {
  it("creates a Checkout Session with the amount in minor units, the order reference and an Idempotency-Key", async () => {
    const created = await gateway().createPayment(input("idem-1"));
    expect(created.providerPaymentId).toMatch(/^cs_test_/);
    expect(created.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const request = fake.requests.at(-1)!;
    expect(request.headers["idempotency-key"]).toBe("idem-1");
    expect(request.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(fake.sessions.get(created.providerPaymentId)).toMatchObject({ amount_total: 2500, currency: "eur", client_reference_id: "ord_stripe_1" });
  });

  it("replays the same session for the same Idempotency-Key and refuses a changed request under it", async () => {
    const first = await gateway().createPayment(input("idem-2"));
    const again = await gateway().createPayment(input("idem-2"));
    expect(again.providerPaymentId).toBe(first.providerPaymentId);
    const conflict = await gateway().createPayment(input("idem-2", 9900n)).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(AppError);
    expect(conflict).toMatchObject({ code: "CONFLICT" });
  });

  it("fetches the session as the source of truth, before and after payment", async () => {
    const created = await gateway().createPayment(input("idem-3"));
    expect(await gateway().fetchPayment(created.providerPaymentId)).toMatchObject({ status: "pending", amount: { amountMinor: 2500n, currency: "EUR" }, received: null, orderId: "ord_stripe_1" });
    const intent = fake.completeSession(created.providerPaymentId);
    expect(await gateway().fetchPayment(created.providerPaymentId)).toMatchObject({ status: "succeeded", received: { amountMinor: 2500n, currency: "EUR" } });
    expect(await gateway().fetchPayment(intent.id)).toMatchObject({ providerPaymentId: intent.id, status: "succeeded", orderId: "ord_stripe_1" });
  });

  it("refunds part of a paid session through its payment intent and maps Stripe errors to AppError", async () => {
    const created = await gateway().createPayment(input("idem-4"));
    fake.completeSession(created.providerPaymentId);
    const refund = await gateway().refund(created.providerPaymentId, { amountMinor: 1000n, currency: "EUR" }, "refund-1");
    expect(refund).toMatchObject({ status: "succeeded", amount: { amountMinor: 1000n, currency: "EUR" } });
    expect(await gateway().refund(created.providerPaymentId, { amountMinor: 1000n, currency: "EUR" }, "refund-1")).toEqual(refund);
    await expect(gateway().refund(created.providerPaymentId, { amountMinor: 2000n, currency: "EUR" }, "refund-2")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(gateway().fetchPayment("cs_test_missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway("sk_test_wrong").fetchPayment(created.providerPaymentId)).rejects.toMatchObject({ code: "INTERNAL", message: "Stripe rejected the configured credentials" });
  });

  it("reports an unreachable Stripe as UNAVAILABLE", async () => {
    const down = createStripeGateway({ secretKey, webhookSecret: "whsec_x", host: "127.0.0.1", port: 1, protocol: "http", maxNetworkRetries: 0 });
    await expect(down.fetchPayment("cs_test_1")).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
