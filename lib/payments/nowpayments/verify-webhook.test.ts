import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyNowpaymentsWebhook } from "./verify-webhook";

const ipnSecret = "nowpayments-ipn-secret";

// The documented signing, written out independently: keys sorted at every level, JSON.stringify.
function sortObject(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(obj).sort().reduce<Record<string, unknown>>((result, key) => {
    const v = obj[key];
    result[key] = v && typeof v === "object" && !Array.isArray(v) ? sortObject(v as Record<string, unknown>) : v;
    return result;
  }, {});
}
const sign = (body: Record<string, unknown>, secret = ipnSecret) => createHmac("sha512", secret).update(JSON.stringify(sortObject(body))).digest("hex");

const ipn = {
  payment_id: 5077125051, parent_payment_id: null, invoice_id: 4522625843, payment_status: "partially_paid", pay_address: "0xd1cDE08A07cD25adEbEd35c3867a59228C09B606",
  price_amount: 170, price_currency: "usd", pay_amount: 155.38559757, actually_paid: 150.2, actually_paid_at_fiat: 164.3217, pay_currency: "mana",
  order_id: "ord_np_1", order_description: "Keyfront Pro — 1 seat", purchase_id: "6084744717", outcome_amount: 1131.7812095, outcome_currency: "trx",
  fee: { currency: "btc", depositFee: 0.09853637216235617, withdrawalFee: 0, serviceFee: 0 }, updated_at: 1728461812312,
};

describe("verifyNowpaymentsWebhook", () => {
  it("accepts an IPN signed over the recursively key-sorted JSON (raw body in any key order)", async () => {
    const raw = JSON.stringify(ipn); // not sorted: the sender's order does not matter
    const result = await verifyNowpaymentsWebhook(raw, { "x-nowpayments-sig": sign(ipn) }, { ipnSecret });
    expect(result).toMatchObject({
      ok: true,
      event: {
        provider: "nowpayments", providerPaymentId: "5077125051", orderId: "ord_np_1", status: "partially_paid", eventId: "5077125051:partially_paid:150.2",
        amount: { amountMinor: 17000n, currency: "USD" }, received: { amountMinor: 1502n * 10n ** 17n, currency: "MANA" }, receivedValue: { amountMinor: 16432n, currency: "USD" },
      },
    });
  });

  it("also accepts PHP's encoding of non-ASCII text (\\uXXXX)", async () => {
    const php = JSON.stringify(sortObject(ipn)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const signature = createHmac("sha512", ipnSecret).update(php).digest("hex");
    expect(await verifyNowpaymentsWebhook(JSON.stringify(ipn), { "x-nowpayments-sig": signature }, { ipnSecret })).toMatchObject({ ok: true });
  });

  it("rejects a forged signature, a modified body, the wrong secret and a missing header", async () => {
    const good = sign(ipn);
    const forged = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    expect(await verifyNowpaymentsWebhook(JSON.stringify(ipn), { "x-nowpayments-sig": forged }, { ipnSecret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyNowpaymentsWebhook(JSON.stringify({ ...ipn, actually_paid: 155.38559757 }), { "x-nowpayments-sig": good }, { ipnSecret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyNowpaymentsWebhook(JSON.stringify({ ...ipn, fee: { ...ipn.fee, serviceFee: 1 } }), { "x-nowpayments-sig": good }, { ipnSecret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyNowpaymentsWebhook(JSON.stringify(ipn), { "x-nowpayments-sig": sign(ipn, "other") }, { ipnSecret })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verifyNowpaymentsWebhook(JSON.stringify(ipn), {}, { ipnSecret })).toMatchObject({ ok: false, reason: "missing_signature" });
    expect(await verifyNowpaymentsWebhook("[1]", { "x-nowpayments-sig": good }, { ipnSecret })).toMatchObject({ ok: false, reason: "malformed_payload" });
  });

  it("maps finished to succeeded", async () => {
    const finished = { ...ipn, payment_status: "finished", actually_paid: 155.38559757 };
    expect(await verifyNowpaymentsWebhook(JSON.stringify(finished), { "x-nowpayments-sig": sign(finished) }, { ipnSecret })).toMatchObject({ ok: true, event: { status: "succeeded" } });
  });
});
