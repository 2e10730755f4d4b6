import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCryptomusGateway } from "@/lib/payments/cryptomus/client";
import { cryptomusWebhookSign } from "@/lib/payments/cryptomus/sign";
import { createNowpaymentsGateway } from "@/lib/payments/nowpayments/client";
import { sortKeysDeep } from "@/lib/payments/nowpayments/sign";
import { createPlisioGateway } from "@/lib/payments/plisio/client";
import { plisioVerifyHash } from "@/lib/payments/plisio/verify-webhook";
import { handlePaymentWebhook } from "@/lib/payments/handle-payment-webhook";
import type { GatewayResolver } from "@/lib/payments/gateway-resolver";
import type { GatewayId, PaymentGateway } from "@/lib/payments/gateway";
import { createTopUpOrder } from "@/lib/orders/create-top-up-order";
import { startPayment } from "@/lib/orders/start-payment";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { createUser } from "../support/factories";
import { startFakeCryptomus, type FakeCryptomus } from "../support/fake-cryptomus";
import { startFakeNowpayments, type FakeNowpayments } from "../support/fake-nowpayments";
import { startFakePlisio, type FakePlisio } from "../support/fake-plisio";
import { checkoutCounts, failure } from "../orders/support";
import { webhookRequest } from "./support";

const merchantId = "8b03432e-385b-4670-8d06-064591096795";
const cryptomusKey = "cryptomus-payment-key";
const nowKey = "nowpayments-api-key";
const ipnSecret = "nowpayments-ipn-secret";
const plisioKey = "plisio-secret-key";
let cryptomus: FakeCryptomus;
let nowpayments: FakeNowpayments;
let plisio: FakePlisio;

beforeAll(async () => {
  [cryptomus, nowpayments, plisio] = await Promise.all([startFakeCryptomus(merchantId, cryptomusKey), startFakeNowpayments(nowKey), startFakePlisio(plisioKey)]);
});
afterAll(() => Promise.all([cryptomus.close(), nowpayments.close(), plisio.close()]));

const gateways: GatewayResolver = async (id: GatewayId): Promise<PaymentGateway> => {
  if (id === "cryptomus") return createCryptomusGateway({ merchantId, paymentApiKey: cryptomusKey, baseUrl: cryptomus.url });
  if (id === "nowpayments") return createNowpaymentsGateway({ apiKey: nowKey, ipnSecret, baseUrl: nowpayments.url });
  if (id === "plisio") return createPlisioGateway({ secretKey: plisioKey, baseUrl: plisio.url });
  throw new Error(`no ${id} in this test`);
};
const deliver = (provider: GatewayId, body: string, headers: Record<string, string> = {}) => handlePaymentWebhook(provider, webhookRequest(provider, body, headers), gateways);

async function topUp(gateway: GatewayId, amountMinor: bigint) {
  const user = await createUser();
  const { order } = await createTopUpOrder({ userId: user.id, currency: "USD", amountMinor, idempotencyKey: `top-up-${randomBytes(6).toString("hex")}` });
  await startPayment({ userId: user.id, orderId: order.id, gateway, locale: "en" }, gateways);
  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  return { user, order: row, paymentId: row.gatewayPaymentId! };
}

async function walletOf(userId: string) {
  const wallet = await db.wallet.findUnique({ where: { userId_currency: { userId, currency: "USD" } } });
  return { balance: wallet?.balanceMinor ?? 0n, entries: await db.walletEntry.count({ where: { userId } }) };
}

describe("crypto top-ups: credited at the amount received, once", () => {
  it("Cryptomus: an underpaid invoice credits what arrived; replays and a forged callback credit nothing", async () => {
    const { user, order, paymentId } = await topUp("cryptomus", 5000n);
    cryptomus.pay(paymentId, { amount: "30.00000000", currency: "USDT", status: "wrong_amount", usd: "30.00" });
    const data: Record<string, unknown> = { type: "payment", uuid: paymentId, order_id: order.id, amount: "50.00", payment_amount: "30.00000000", payment_amount_usd: "30.00", is_final: true, status: "wrong_amount", currency: "USD", payer_currency: "USDT" };
    const body = JSON.stringify({ ...data, sign: cryptomusWebhookSign(data, cryptomusKey) });
    const answers = await Promise.all([deliver("cryptomus", body), deliver("cryptomus", body), deliver("cryptomus", body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await walletOf(user.id)).toEqual({ balance: 3000n, entries: 1 });

    const before = await checkoutCounts();
    const forgedData = { ...data, payment_amount_usd: "5000.00", status: "paid" };
    const forged = JSON.stringify({ ...forgedData, sign: cryptomusWebhookSign(forgedData, "not-the-key") });
    expect((await deliver("cryptomus", forged)).status).toBe(401);
    expect(await checkoutCounts()).toEqual(before);
    expect(await walletOf(user.id)).toEqual({ balance: 3000n, entries: 1 });
  });

  it("NOWPayments: a partial payment credits its fiat value once; a second payment to the invoice is credited too", async () => {
    const { user, order, paymentId: invoiceId } = await topUp("nowpayments", 4000n);
    const ipn = (paymentId: number, status: string, actuallyPaid: number, atFiat: number) => {
      const body = { payment_id: paymentId, invoice_id: Number(invoiceId), payment_status: status, price_amount: 40, price_currency: "usd", pay_amount: 0.001, actually_paid: actuallyPaid, actually_paid_at_fiat: atFiat, pay_currency: "btc", order_id: order.id };
      return { raw: JSON.stringify(body), sig: createHmac("sha512", ipnSecret).update(JSON.stringify(sortKeysDeep(body))).digest("hex") };
    };
    const paymentId = nowpayments.pay(invoiceId, { payCurrency: "btc", payAmount: 0.001, actuallyPaid: 0.0006, status: "partially_paid", atFiat: 24 });
    const partial = ipn(paymentId, "partially_paid", 0.0006, 24);
    await deliver("nowpayments", partial.raw, { "x-nowpayments-sig": partial.sig });
    await deliver("nowpayments", partial.raw, { "x-nowpayments-sig": partial.sig });
    expect(await walletOf(user.id)).toEqual({ balance: 2400n, entries: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");

    const forgedSig = createHmac("sha512", "wrong").update(partial.raw).digest("hex");
    expect((await deliver("nowpayments", partial.raw, { "x-nowpayments-sig": forgedSig })).status).toBe(401);
    expect((await deliver("nowpayments", partial.raw)).status).toBe(401);
    expect(await walletOf(user.id)).toEqual({ balance: 2400n, entries: 1 });

    // A second payment to the same invoice is credited on its own.
    const second = nowpayments.pay(invoiceId, { payCurrency: "btc", payAmount: 0.001, actuallyPaid: 0.001, status: "finished", atFiat: 40 });
    const finished = ipn(second, "finished", 0.001, 40);
    await deliver("nowpayments", finished.raw, { "x-nowpayments-sig": finished.sig });
    expect(await walletOf(user.id)).toEqual({ balance: 6400n, entries: 2 });
  });

  it("a payment that grows (a second transfer to one invoice) credits only the difference, in any order", async () => {
    const user = await createUser();
    const { order } = await createTopUpOrder({ userId: user.id, currency: "USD", amountMinor: 3000n, idempotencyKey: `top-up-${randomBytes(6).toString("hex")}` });
    const snapshot = (value: bigint) => ({ provider: "cryptomus" as const, providerPaymentId: "uuid-grow-1", orderId: order.id, status: "partially_paid" as const, amount: { amountMinor: 3000n, currency: "USD" }, received: null, receivedValue: { amountMinor: value, currency: "USD" } });
    expect((await fulfilOrder(order.id, snapshot(1000n))).outcome).toBe("credited");
    expect((await fulfilOrder(order.id, snapshot(3000n))).outcome).toBe("credited");
    expect((await fulfilOrder(order.id, snapshot(1000n))).outcome).toBe("already_credited");
    expect((await fulfilOrder(order.id, snapshot(3000n))).outcome).toBe("already_credited");
    expect(await walletOf(user.id)).toEqual({ balance: 3000n, entries: 2 });
  });

  it("Plisio: a completed invoice credits the invoice amount once; a bad verify_hash is refused", async () => {
    const { user, order, paymentId } = await topUp("plisio", 2500n);
    plisio.pay(paymentId, { amount: "0.00041000", currency: "BTC", status: "completed" });
    const callback: Record<string, unknown> = { txn_id: paymentId, status: "completed", amount: "0.00041000", currency: "BTC", source_amount: "25.00", source_currency: "USD", order_number: order.id, order_name: "Top-up" };
    const body = JSON.stringify({ ...callback, verify_hash: plisioVerifyHash(callback, plisioKey) });
    const before = await checkoutCounts();
    expect((await deliver("plisio", JSON.stringify({ ...callback, verify_hash: plisioVerifyHash(callback, "nope") }))).status).toBe(401);
    expect(await checkoutCounts()).toEqual(before);
    await Promise.all([deliver("plisio", body), deliver("plisio", body)]);
    expect(await walletOf(user.id)).toEqual({ balance: 2500n, entries: 1 });
    expect(await db.email.count({ where: { to: user.email, template: "walletTopUp" } })).toBe(1);
  });

  it("createTopUpOrder refuses bad input and writes nothing", async () => {
    const user = await createUser();
    const before = await checkoutCounts();
    for (const input of [
      { userId: user.id, currency: "USD", amountMinor: 0n, idempotencyKey: "top-up-bad-1" },
      { userId: user.id, currency: "USD", amountMinor: 1.5, idempotencyKey: "top-up-bad-2" },
      { userId: user.id, currency: "XXX1", amountMinor: 1000n, idempotencyKey: "top-up-bad-3" },
      { userId: "usr_bad", currency: "USD", amountMinor: 1000n, idempotencyKey: "top-up-bad-4" },
      { userId: user.id, currency: "USD", amountMinor: 1000n, idempotencyKey: "" },
    ]) {
      expect((await failure(createTopUpOrder(input as never))).code).toBe("VALIDATION_FAILED");
    }
    expect(await checkoutCounts()).toEqual(before);
  });
});
