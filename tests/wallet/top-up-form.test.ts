import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as sandboxWebhook } from "@/app/api/webhooks/sandbox/route";
import { getSandboxSecret } from "@/lib/payments/credentials";
import { completeSandboxPayment } from "@/lib/payments/sandbox/client";
import { defaultSandboxStore } from "@/lib/payments/sandbox/store";
import { topUpByForm, topUpGatewayOptions } from "@/lib/wallet/top-up-by-form";
import { getTopUpForOwner } from "@/lib/wallet/get-top-up-for-owner";
import { getWalletBalance } from "@/lib/wallet/queries";
import { createUser } from "../support/factories";
import { checkoutCounts, failure } from "../orders/support";
import { webhookRequest } from "../webhooks/support";

const nonce = () => randomBytes(18).toString("base64url");
const form = (values: Record<string, string> = {}) => ({ amount: "20.00", currency: "USD", gateway: "sandbox", nonce: nonce(), ...values });
const paymentIdOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);

/** Pays a sandbox payment in full and delivers its signed webhook, as the hosted page does. */
async function paySandbox(paymentId: string) {
  const paid = await completeSandboxPayment(paymentId, { status: "succeeded" }, { secret: await getSandboxSecret() });
  const res = await sandboxWebhook(webhookRequest("sandbox", paid.body, paid.headers));
  expect(res.status).toBe(200);
  return paid;
}

describe("wallet top-up form", () => {
  it("refuses a bad amount, currency or gateway with field errors and writes nothing", async () => {
    const user = await createUser();
    // JPY is offered (it has a rate), SEK is not.
    await db.exchangeRate.create({ data: { baseCurrency: "USD", quoteCurrency: "JPY", rateNum: 150n, rateDen: 1n } });
    const before = await checkoutCounts();
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ amount: "" }, { amount: ["required"] }],
      [{ amount: "twenty" }, { amount: ["amountInvalid"] }],
      [{ amount: "-5.00" }, { amount: ["amountInvalid"] }],
      [{ amount: "20,00" }, { amount: ["amountInvalid"] }],
      [{ amount: "20.001" }, { amount: ["tooManyDecimals"] }],
      [{ amount: "1500.5", currency: "JPY" }, { amount: ["tooManyDecimals"] }],
      [{ amount: "0.99" }, { amount: ["tooSmall"] }],
      [{ amount: "99", currency: "JPY" }, { amount: ["tooSmall"] }],
      [{ amount: "10000000000000.01" }, { amount: ["tooLarge"] }],
      [{ currency: "SEK" }, { currency: ["currencyUnavailable"] }],
      [{ currency: "XYZ" }, { currency: ["currencyUnavailable"] }],
      [{ currency: "dollars" }, { currency: ["currencyUnavailable"] }],
      [{ gateway: "paypal" }, { gateway: ["gatewayUnavailable"] }],
      [{ gateway: "bitcoin" }, { gateway: ["gatewayUnavailable"] }],
      [{ gateway: "" }, { gateway: ["chooseGateway"] }],
      [{ nonce: "short" }, { nonce: ["generic"] }],
      [{ amount: "abc", currency: "SEK", gateway: "paypal" }, { currency: ["currencyUnavailable"], gateway: ["gatewayUnavailable"] }],
    ];
    for (const [values, fields] of cases) {
      const err = await failure(topUpByForm({ userId: user.id, locale: "en", form: form(values) }));
      expect(err, JSON.stringify(values)).toMatchObject({ code: "VALIDATION_FAILED", fields });
      expect(Object.keys(err.fields ?? {}).sort(), JSON.stringify(values)).toEqual(Object.keys(fields).sort());
    }
    expect(await checkoutCounts()).toEqual(before);

    // The same page in yen: amounts are whole yen.
    const yen = await topUpByForm({ userId: user.id, locale: "en", form: form({ amount: "1500", currency: "jpy" }) });
    expect(await db.order.findUniqueOrThrow({ where: { id: yen.orderId } })).toMatchObject({ kind: "TOP_UP", status: "PENDING", currency: "JPY", totalMinor: 1500n });
  });

  it("offers only gateways with a payment page, crypto labelled as crypto", () => {
    expect(topUpGatewayOptions(["stripe", "paypal", "cryptomus", "nowpayments", "plisio", "sandbox"])).toEqual([
      { id: "cryptomus", kind: "crypto", name: "Cryptomus" },
      { id: "nowpayments", kind: "crypto", name: "NOWPayments" },
      { id: "plisio", kind: "crypto", name: "Plisio" },
      { id: "stripe", kind: "card", name: "Stripe" },
      { id: "sandbox", kind: "sandbox", name: "Sandbox" },
    ]);
    expect(topUpGatewayOptions(["paypal"])).toEqual([]);
  });

  it("the same form posted 5 times at once places one order", async () => {
    const user = await createUser();
    const same = form({ amount: "20" });
    const results = await Promise.all(Array.from({ length: 5 }, () => topUpByForm({ userId: user.id, locale: "en", form: same })));
    const orders = await db.order.findMany({ where: { userId: user.id } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: "TOP_UP", status: "PENDING", currency: "USD", totalMinor: 2000n, gateway: "sandbox" });
    expect(new Set(results.map((r) => r.orderId))).toEqual(new Set([orders[0]!.id]));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const r of results) expect(r.url).toMatch(/\/sandbox\/pay\//);
    // The same values under a used nonce are a replay; other values under it are refused.
    const again = await failure(topUpByForm({ userId: user.id, locale: "en", form: { ...same, amount: "30.00" } }));
    expect(again).toMatchObject({ code: "VALIDATION_FAILED", fields: { _form: ["alreadySubmitted"] } });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a sandbox top-up paid through the signed webhook credits the wallet once", async () => {
    const user = await createUser();
    const other = await createUser();
    const submitted = form({ amount: "20.00" });
    const started = await topUpByForm({ userId: user.id, locale: "de", form: submitted });
    expect(started.url).toMatch(/\/sandbox\/pay\//);
    const paymentId = paymentIdOf(started.url);
    expect(await defaultSandboxStore().get(paymentId)).toMatchObject({ orderId: started.orderId, amount: "20.00", currency: "USD", status: "pending" });
    expect(await getTopUpForOwner(user.id, started.orderId)).toMatchObject({ status: "PENDING", requestedMinor: 2000n, creditedMinor: 0n });
    expect(await getWalletBalance(user.id, "USD")).toBe(0n);

    const paid = await paySandbox(paymentId);
    expect(await getWalletBalance(user.id, "USD")).toBe(2000n);
    // The provider retries its webhook: nothing is credited twice.
    expect((await sandboxWebhook(webhookRequest("sandbox", paid.body, paid.headers))).status).toBe(200);
    expect(await getWalletBalance(user.id, "USD")).toBe(2000n);
    const entries = await db.walletEntry.findMany({ where: { userId: user.id } });
    expect(entries).toEqual([expect.objectContaining({ kind: "TOP_UP", amountMinor: 2000n, currency: "USD", orderId: started.orderId })]);

    expect(await getTopUpForOwner(user.id, started.orderId)).toEqual({ id: started.orderId, status: "PAID", currency: "USD", requestedMinor: 2000n, creditedMinor: 2000n });
    // Another customer's top-up does not exist for this one.
    expect(await getTopUpForOwner(other.id, started.orderId)).toBeNull();

    // The same page posted again after it was paid: back to the return page, no new payment.
    const replay = await topUpByForm({ userId: user.id, locale: "de", form: submitted });
    expect(replay).toEqual({ orderId: started.orderId, url: `/de/checkout/complete?order=${started.orderId}`, replayed: true });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    expect(await getWalletBalance(user.id, "USD")).toBe(2000n);
  });
});
