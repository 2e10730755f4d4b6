import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPlisioWebhook } from "./verify-webhook";

const secretKey = "plisio-secret-key";

const callback = {
  txn_id: "6523a3f8d3a44d0b2e0b9a71", ipn_type: "invoice", merchant: "Keyfront", merchant_id: "64f0c1d2e3", amount: "0.00081000", currency: "BTC",
  order_number: "ord_pl_1", order_name: "Keyfront Pro", confirmations: "2", status: "completed", source_currency: "USD", source_amount: "25.00",
  source_rate: "30864.19753086", comment: "", invoice_commission: "0.00000405", invoice_sum: "0.00081000", invoice_total_sum: "0.00081405",
  psys_cid: "BTC", tx_urls: "https://www.blockchain.com/btc/tx/abc", expire_utc: 1700000000,
};

// As Plisio documents it for JSON callbacks: copy, delete verify_hash, JSON.stringify, HMAC-SHA1.
function signed(data: Record<string, unknown>, key = secretKey) {
  const verify_hash = createHmac("sha1", key).update(JSON.stringify(data)).digest("hex");
  return JSON.stringify({ ...data, verify_hash });
}

describe("verifyPlisioWebhook", () => {
  it("accepts a JSON callback signed with the secret key and reports invoice and received amounts", async () => {
    const result = await verifyPlisioWebhook(signed(callback), {}, { secretKey });
    expect(result).toMatchObject({
      ok: true,
      event: {
        provider: "plisio", providerPaymentId: "6523a3f8d3a44d0b2e0b9a71", orderId: "ord_pl_1", status: "succeeded", type: "completed",
        amount: { amountMinor: 2500n, currency: "USD" }, received: { amountMinor: 81000n, currency: "BTC" }, receivedValue: null,
      },
    });
  });

  it("reports an expired invoice that received something as partially paid", async () => {
    const partial = { ...callback, status: "expired", amount: "0.00040000" };
    expect(await verifyPlisioWebhook(signed(partial), {}, { secretKey })).toMatchObject({ ok: true, event: { status: "partially_paid", received: { amountMinor: 40000n } } });
  });

  it("rejects a forged hash, a modified callback, the wrong key and a missing hash", async () => {
    const body = signed(callback);
    const forged = body.replace(/"verify_hash":"(.)/, (_m, c: string) => `"verify_hash":"${c === "0" ? "1" : "0"}`);
    expect(await verifyPlisioWebhook(forged, {}, { secretKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPlisioWebhook(body.replace('"source_amount":"25.00"', '"source_amount":"2.50"'), {}, { secretKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPlisioWebhook(signed(callback, "other"), {}, { secretKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyPlisioWebhook(JSON.stringify(callback), {}, { secretKey })).toMatchObject({ ok: false, reason: "missing_signature" });
    expect(await verifyPlisioWebhook("txn_id=1&status=completed", {}, { secretKey })).toMatchObject({ ok: false, reason: "malformed_payload" });
  });
});
