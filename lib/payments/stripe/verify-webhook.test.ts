import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { verifyStripeWebhook } from "./verify-webhook";

const secret = "whsec_test_secret_for_keyfront";
const stripe = new Stripe("sk_test_unused");

function completedSession(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: "evt_1", object: "event", type: "checkout.session.completed",
    data: { object: { id: "cs_test_1", object: "checkout.session", amount_total: 4999, currency: "eur", status: "complete", payment_status: "paid", client_reference_id: "ord_1", metadata: { orderId: "ord_1" }, payment_intent: "pi_1", ...overrides } },
  });
}

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? secret, timestamp: options.timestamp });
}

describe("verifyStripeWebhook", () => {
  it("accepts a correctly signed event and normalizes it", async () => {
    const body = completedSession();
    const result = await verifyStripeWebhook(Buffer.from(body), { "Stripe-Signature": sign(body) }, { webhookSecret: secret });
    expect(result).toMatchObject({
      ok: true,
      event: {
        provider: "stripe", eventId: "evt_1", type: "checkout.session.completed", providerPaymentId: "cs_test_1", orderId: "ord_1",
        status: "succeeded", actionable: true, amount: { amountMinor: 4999n, currency: "EUR" }, received: { amountMinor: 4999n, currency: "EUR" },
      },
    });
  });

  it("reads the header from a Fetch Headers object too", async () => {
    const body = completedSession({ payment_status: "unpaid", status: "open" });
    const result = await verifyStripeWebhook(body, new Headers({ "stripe-signature": sign(body) }), { webhookSecret: secret });
    expect(result.ok && result.event.status).toBe("pending");
  });

  it("rejects a forged signature, a modified body and the wrong secret", async () => {
    const body = completedSession();
    const header = sign(body);
    const forged = header.replace(/v1=([0-9a-f])/, (_m, c: string) => `v1=${c === "0" ? "1" : "0"}`);
    expect(await verifyStripeWebhook(body, { "stripe-signature": forged }, { webhookSecret: secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    const modified = body.replace("4999", "1");
    expect(await verifyStripeWebhook(modified, { "stripe-signature": header }, { webhookSecret: secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    const wrong = sign(body, { secret: "whsec_other" });
    expect(await verifyStripeWebhook(body, { "stripe-signature": wrong }, { webhookSecret: secret })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("rejects a timestamp outside the tolerance window and a missing header", async () => {
    const body = completedSession();
    const old = sign(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(await verifyStripeWebhook(body, { "stripe-signature": old }, { webhookSecret: secret })).toMatchObject({ ok: false, reason: "stale_timestamp" });
    expect(await verifyStripeWebhook(body, { "stripe-signature": old }, { webhookSecret: secret, toleranceSec: 600 })).toMatchObject({ ok: true });
    expect(await verifyStripeWebhook(body, {}, { webhookSecret: secret })).toMatchObject({ ok: false, reason: "missing_signature" });
    expect(await verifyStripeWebhook(body, { "stripe-signature": sign(body) }, { webhookSecret: "" })).toMatchObject({ ok: false, reason: "not_configured" });
  });

  it("verifies but marks unhandled event types as not actionable, and normalizes refunds", async () => {
    const other = JSON.stringify({ id: "evt_2", object: "event", type: "customer.created", data: { object: { id: "cus_1" } } });
    expect(await verifyStripeWebhook(other, { "stripe-signature": sign(other) }, { webhookSecret: secret })).toMatchObject({ ok: true, event: { actionable: false, type: "customer.created" } });
    const refund = JSON.stringify({
      id: "evt_3", object: "event", type: "charge.refunded",
      data: { object: { id: "ch_1", object: "charge", amount: 5000, amount_refunded: 2000, currency: "usd", payment_intent: "pi_9", refunded: false, metadata: {} } },
    });
    const result = await verifyStripeWebhook(refund, { "stripe-signature": sign(refund) }, { webhookSecret: secret });
    expect(result).toMatchObject({ ok: true, event: { status: "refunded", providerPaymentId: "pi_9", received: { amountMinor: 3000n, currency: "USD" } } });
  });
});
