import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyCryptomusWebhook } from "./verify-webhook";

const apiKey = "cryptomus-payment-key-test";

// Signed the way Cryptomus' PHP does it, spelled out here independently of the code under test:
// md5(base64_encode(json_encode($data, JSON_UNESCAPED_UNICODE)) . $apiKey)
function phpStyleSign(phpJson: string, key = apiKey) {
  return createHash("md5").update(Buffer.from(phpJson).toString("base64") + key).digest("hex");
}

const phpJson =
  '{"type":"payment","uuid":"62f88b36-a9d5-4fa6-aa26-e040c3dbf26d","order_id":"ord_1","amount":"20.00","payment_amount":"19.50000000",' +
  '"payment_amount_usd":"19.50","merchant_amount":"19.11","commission":"0.39","is_final":true,"status":"wrong_amount",' +
  '"from":"TXyz","wallet_address_uuid":null,"network":"tron","currency":"USD","payer_currency":"USDT",' +
  '"additional_data":"Café https:\\/\\/shop.test\\/o\\/1","convert":[],"txid":"6f0d9c8374db57cac0d806251473de754f361c83a03cd805f74aa9da3193486b"}';

function webhookBody(sign: string) {
  // What Cryptomus sends: the same data (as JSON, slashes unescaped by the sender's encoder) plus sign
  const data = JSON.parse(phpJson) as Record<string, unknown>;
  data.convert = {};
  return JSON.stringify({ ...data, sign });
}

describe("verifyCryptomusWebhook", () => {
  it("accepts a body signed over PHP's encoding and reports invoice and received amounts", async () => {
    const result = await verifyCryptomusWebhook(webhookBody(phpStyleSign(phpJson)), {}, { paymentApiKey: apiKey });
    expect(result).toMatchObject({
      ok: true,
      event: {
        provider: "cryptomus", eventId: "62f88b36-a9d5-4fa6-aa26-e040c3dbf26d:wrong_amount", type: "wrong_amount", orderId: "ord_1",
        providerPaymentId: "62f88b36-a9d5-4fa6-aa26-e040c3dbf26d", status: "partially_paid", actionable: true,
        amount: { amountMinor: 2000n, currency: "USD" }, received: { amountMinor: 19500000n, currency: "USDT" }, receivedValue: { amountMinor: 1950n, currency: "USD" },
      },
    });
  });

  it("rejects a forged sign, a modified body, the wrong key and a missing sign", async () => {
    const good = phpStyleSign(phpJson);
    expect(await verifyCryptomusWebhook(webhookBody(good.replace(/^./, good[0] === "a" ? "b" : "a")), {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyCryptomusWebhook(webhookBody(good).replace('"20.00"', '"2000.00"'), {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyCryptomusWebhook(webhookBody(phpStyleSign(phpJson, "other-key")), {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyCryptomusWebhook(JSON.stringify(JSON.parse(phpJson)), {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "missing_signature" });
    expect(await verifyCryptomusWebhook("not json", {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "malformed_payload" });
    expect(await verifyCryptomusWebhook(webhookBody(good), {}, { paymentApiKey: "" })).toMatchObject({ ok: false, reason: "not_configured" });
  });

  it("is not fooled by signing the JavaScript encoding (slashes unescaped)", async () => {
    const jsJson = phpJson.replace(/\\\//g, "/");
    expect(await verifyCryptomusWebhook(webhookBody(phpStyleSign(jsJson)), {}, { paymentApiKey: apiKey })).toMatchObject({ ok: false, reason: "bad_signature" });
  });
});
