import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNowpaymentsGateway } from "@/lib/payments/nowpayments/client";
import { startFakeNowpayments, type FakeNowpayments } from "../support/fake-nowpayments";

const apiKey = "NP-API-KEY";
let fake: FakeNowpayments;

beforeAll(async () => {
  fake = await startFakeNowpayments(apiKey);
});
afterAll(() => fake.close());

const gateway = (key = apiKey) => createNowpaymentsGateway({ apiKey: key, ipnSecret: "s", baseUrl: fake.url });
const input = (orderId: string, amountMinor = 4990n) => ({
  orderId, amount: { amountMinor, currency: "EUR" }, description: "Keyfront Pro", returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel",
  webhookUrl: "https://shop.test/api/webhooks/nowpayments", idempotencyKey: `idem-${orderId}`,
});

describe("NOWPayments client against a local NOWPayments", () => {
  it("creates an invoice with the exact decimal amount as a JSON number and the API key header", async () => {
    const created = await gateway().createPayment(input("ord_np_1"));
    expect(created.redirectUrl).toContain(created.providerPaymentId);
    const request = fake.requests.at(-1)!;
    expect(request.headers["x-api-key"]).toBe(apiKey);
    expect(request.body).toContain('"price_amount":49.90,');
    expect(JSON.parse(request.body)).toMatchObject({ price_currency: "eur", order_id: "ord_np_1", ipn_callback_url: "https://shop.test/api/webhooks/nowpayments" });
  });

  it("fetches the payment with both the invoice amount and what actually arrived", async () => {
    const { providerPaymentId } = await gateway().createPayment(input("ord_np_2"));
    const paymentId = fake.pay(providerPaymentId, { payCurrency: "btc", payAmount: 0.00081, actuallyPaid: 0.0008, status: "partially_paid", atFiat: 49.2801 });
    expect(await gateway().fetchPayment(String(paymentId))).toMatchObject({
      providerPaymentId: String(paymentId), orderId: "ord_np_2", status: "partially_paid",
      amount: { amountMinor: 4990n, currency: "EUR" }, received: { amountMinor: 80000n, currency: "BTC" }, receivedValue: { amountMinor: 4928n, currency: "EUR" },
    });
  });

  it("maps NOWPayments errors to AppError", async () => {
    await expect(gateway("wrong").createPayment(input("ord_np_3"))).rejects.toMatchObject({ code: "INTERNAL" });
    await expect(gateway().fetchPayment("123")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway().refund("1", { amountMinor: 1n, currency: "EUR" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
