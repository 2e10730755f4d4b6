import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakePaypal, type FakePaypal } from "@/tests/support/fake-paypal";
import { allowedCertUrl, clearPaypalCertCache, paypalSignedString, verifyPaypalWebhook } from "./verify-webhook";

const webhookId = "WH-KEYFRONT-TEST-1";
let fake: FakePaypal;

beforeAll(async () => {
  fake = await startFakePaypal({ clientId: "id", clientSecret: "secret" });
});
afterAll(() => fake.close());
beforeEach(() => clearPaypalCertCache());

const captureCompleted = JSON.stringify({
  id: "WH-EVT-1", event_type: "PAYMENT.CAPTURE.COMPLETED", resource_type: "capture",
  resource: { id: "CAP1", status: "COMPLETED", amount: { currency_code: "USD", value: "49.99" }, custom_id: "ord_pp_1", supplementary_data: { related_ids: { order_id: "ORDER1" } } },
});

const options = () => ({ webhookId, testCertOrigin: fake.url });

describe("verifyPaypalWebhook", () => {
  it("signs transmissionId|transmissionTime|webhookId|crc32 with crc32 as unsigned decimal", () => {
    expect(paypalSignedString("T1", "2026-01-01T00:00:00Z", "WH", "a")).toBe("T1|2026-01-01T00:00:00Z|WH|3904355907");
    expect(paypalSignedString("T1", "t", "WH", Buffer.from("hello"))).toBe("T1|t|WH|907060870");
  });

  it("accepts an event signed with PayPal's certificate scheme and normalizes the capture", async () => {
    const result = await verifyPaypalWebhook(Buffer.from(captureCompleted), fake.signWebhook(captureCompleted, webhookId), options());
    expect(result).toMatchObject({
      ok: true,
      event: { provider: "paypal", eventId: "WH-EVT-1", type: "PAYMENT.CAPTURE.COMPLETED", providerPaymentId: "ORDER1", orderId: "ord_pp_1", status: "succeeded", received: { amountMinor: 4999n, currency: "USD" } },
    });
  });

  it("fetches the certificate once and then serves it from the cache", async () => {
    const before = fake.requests.filter((r) => r.path === "/certs/webhook.pem").length;
    for (let i = 0; i < 3; i++) expect((await verifyPaypalWebhook(captureCompleted, fake.signWebhook(captureCompleted, webhookId), options())).ok).toBe(true);
    expect(fake.requests.filter((r) => r.path === "/certs/webhook.pem").length).toBe(before + 1);
  });

  it("rejects a forged signature, a modified body and another webhook id", async () => {
    const headers = fake.signWebhook(captureCompleted, webhookId);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = fake.signWebhook(captureCompleted, webhookId, { key: privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
    expect(await verifyPaypalWebhook(captureCompleted, forged, options())).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPaypalWebhook(captureCompleted.replace("49.99", "4999.00"), headers, options())).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPaypalWebhook(captureCompleted, headers, { ...options(), webhookId: "WH-OTHER" })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPaypalWebhook(captureCompleted, { ...headers, "paypal-auth-algo": "SHA1withRSA" }, options())).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("rejects stale transmissions and missing headers", async () => {
    const stale = fake.signWebhook(captureCompleted, webhookId, { transmissionTime: new Date(Date.now() - 3_600_000).toISOString() });
    expect(await verifyPaypalWebhook(captureCompleted, stale, options())).toMatchObject({ ok: false, reason: "stale_timestamp" });
    const { "paypal-transmission-sig": _dropped, ...partial } = fake.signWebhook(captureCompleted, webhookId);
    expect(await verifyPaypalWebhook(captureCompleted, partial, options())).toMatchObject({ ok: false, reason: "missing_signature" });
  });

  it("fetches certificates only from PayPal hosts or the configured test origin", async () => {
    const evil = fake.signWebhook(captureCompleted, webhookId, { certUrl: `${fake.url}/certs/webhook.pem` });
    const before = fake.requests.length;
    expect(await verifyPaypalWebhook(captureCompleted, evil, { webhookId })).toMatchObject({ ok: false, reason: "cert_host_not_allowed" });
    expect(fake.requests.length).toBe(before);
    expect(allowedCertUrl("https://api.paypal.com/v1/notifications/certs/CERT-1")).toBe(true);
    expect(allowedCertUrl("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-1")).toBe(true);
    expect(allowedCertUrl("http://api.paypal.com/v1/notifications/certs/CERT-1")).toBe(false);
    expect(allowedCertUrl("https://api.paypal.com.evil.test/cert")).toBe(false);
    expect(allowedCertUrl("https://api.paypal.com@evil.test/cert")).toBe(false);
    expect(allowedCertUrl("https://evil.test/?u=https://api.paypal.com")).toBe(false);
  });

  it("rejects an invalid or expired certificate and reports an unreachable one as retryable", async () => {
    const garbage = fake.signWebhook(captureCompleted, webhookId, { certUrl: `${fake.url}/certs/garbage.pem` });
    expect(await verifyPaypalWebhook(captureCompleted, garbage, options())).toMatchObject({ ok: false, reason: "cert_invalid" });
    const later = Date.parse("2200-01-01T00:00:00Z");
    const future = fake.signWebhook(captureCompleted, webhookId, { transmissionTime: new Date(later).toISOString() });
    expect(await verifyPaypalWebhook(captureCompleted, future, { ...options(), now: () => later })).toMatchObject({ ok: false, reason: "cert_invalid" });
    const down = fake.signWebhook(captureCompleted, webhookId, { certUrl: "http://127.0.0.1:1/cert.pem" });
    expect(await verifyPaypalWebhook(captureCompleted, down, { webhookId, testCertOrigin: "http://127.0.0.1:1" })).toMatchObject({ ok: false, reason: "unavailable" });
  });
});
