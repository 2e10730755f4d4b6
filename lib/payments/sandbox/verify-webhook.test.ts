import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { completeSandboxPayment, createSandboxGateway, sandboxPaymentUrl } from "./client";
import { memorySandboxStore } from "./store";
import { verifySandboxWebhook } from "./verify-webhook";

const secret = "sandbox-secret-".padEnd(40, "x");
const event = JSON.stringify({ id: "sbx_evt_1", type: "payment.succeeded", data: { paymentId: "sbx_1", orderId: "ord_1", status: "succeeded", amount: "12.30", currency: "EUR", received: "12.30" } });

// Written out from the scheme itself: t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>"))
function header(body: string, t = Math.floor(Date.now() / 1000), key = secret) {
  return `t=${t},v1=${createHmac("sha256", key).update(`${t}.${body}`).digest("hex")}`;
}

describe("verifySandboxWebhook", () => {
  it("accepts a signed event and normalizes it", async () => {
    expect(await verifySandboxWebhook(event, { "keyfront-sandbox-signature": header(event) }, { secret })).toMatchObject({
      ok: true, event: { provider: "sandbox", eventId: "sbx_evt_1", status: "succeeded", amount: { amountMinor: 1230n, currency: "EUR" }, received: { amountMinor: 1230n } },
    });
  });

  it("rejects forged, modified, wrong-secret, stale and unsigned deliveries", async () => {
    const good = header(event);
    expect(await verifySandboxWebhook(event, { "keyfront-sandbox-signature": good.replace(/v1=./, "v1=g") }, { secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifySandboxWebhook(event.replace("12.30", "99.30"), { "keyfront-sandbox-signature": good }, { secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifySandboxWebhook(event, { "keyfront-sandbox-signature": header(event, undefined, "y".repeat(40)) }, { secret })).toMatchObject({ ok: false, reason: "bad_signature" });
    const old = header(event, Math.floor(Date.now() / 1000) - 301);
    expect(await verifySandboxWebhook(event, { "keyfront-sandbox-signature": old }, { secret })).toMatchObject({ ok: false, reason: "stale_timestamp" });
    expect(await verifySandboxWebhook(event, {}, { secret })).toMatchObject({ ok: false, reason: "missing_signature" });
  });
});

describe("sandbox gateway", () => {
  const valid = { DATABASE_URL: "postgresql://u:p@localhost/db", AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };

  it("refuses to exist in production", () => {
    expect(() => createSandboxGateway({ secret, appUrl: "http://localhost:3000" }, loadEnv({ ...valid, NODE_ENV: "production" }))).toThrow(/not available in production/);
    expect(() => createSandboxGateway({ secret, appUrl: "http://localhost:3000" }, loadEnv({ ...valid, NODE_ENV: "development" }))).not.toThrow();
  });

  it("runs a full payment: hosted page URL, signed webhook the gateway verifies, fetch and refund", async () => {
    const store = memorySandboxStore();
    const gateway = createSandboxGateway({ secret, appUrl: "http://localhost:3000", store });
    const input = { orderId: "ord_s1", amount: { amountMinor: 1999n, currency: "USD" }, description: "Pro", returnUrl: "http://localhost:3000/ok", cancelUrl: "http://localhost:3000/no", webhookUrl: "http://localhost:3000/api/webhooks/sandbox", idempotencyKey: "k1" };
    const created = await gateway.createPayment(input);
    expect(created.redirectUrl).toBe(sandboxPaymentUrl("http://localhost:3000", created.providerPaymentId));
    expect((await gateway.createPayment(input)).providerPaymentId).toBe(created.providerPaymentId);
    expect(await gateway.fetchPayment(created.providerPaymentId)).toMatchObject({ status: "pending", received: null });

    const webhook = await completeSandboxPayment(created.providerPaymentId, { status: "succeeded" }, { secret, store });
    expect(webhook.url).toBe("http://localhost:3000/api/webhooks/sandbox");
    expect(await gateway.verifyWebhook(Buffer.from(webhook.body), webhook.headers)).toMatchObject({ ok: true, event: { status: "succeeded", orderId: "ord_s1", received: { amountMinor: 1999n, currency: "USD" } } });
    await expect(completeSandboxPayment(created.providerPaymentId, { status: "failed" }, { secret, store })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await gateway.refund(created.providerPaymentId, { amountMinor: 999n, currency: "USD" })).toMatchObject({ status: "succeeded" });
    await expect(gateway.refund(created.providerPaymentId, { amountMinor: 1001n, currency: "USD" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await gateway.refund(created.providerPaymentId, { amountMinor: 1000n, currency: "USD" })).toMatchObject({ status: "succeeded" });
    expect(await gateway.fetchPayment(created.providerPaymentId)).toMatchObject({ status: "refunded" });
  });
});
