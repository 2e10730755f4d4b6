import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCryptomusGateway } from "@/lib/payments/cryptomus/client";
import { startFakeCryptomus, type FakeCryptomus } from "../support/fake-cryptomus";

const merchantId = "8b03432e-385b-4670-8d06-064591096795";
const paymentApiKey = "cryptomus-key";
let fake: FakeCryptomus;

beforeAll(async () => {
  fake = await startFakeCryptomus(merchantId, paymentApiKey);
});
afterAll(() => fake.close());

const gateway = (key = paymentApiKey) => createCryptomusGateway({ merchantId, paymentApiKey: key, baseUrl: fake.url });
const input = (orderId: string, amountMinor = 2000n) => ({
  orderId, amount: { amountMinor, currency: "USD" }, description: "Keyfront Pro", returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel",
  webhookUrl: "https://shop.test/api/webhooks/cryptomus", idempotencyKey: `idem-${orderId}`,
});

describe("Cryptomus client against a local Cryptomus", () => {
  it("creates a signed invoice with the decimal amount and returns its payment page", async () => {
    const created = await gateway().createPayment(input("ord_c1"));
    expect(created.redirectUrl).toBe(`https://pay.cryptomus.test/pay/${created.providerPaymentId}`);
    const sent = JSON.parse(fake.requests.at(-1)!.body) as Record<string, unknown>;
    expect(sent).toMatchObject({ amount: "20.00", currency: "USD", order_id: "ord_c1", url_callback: "https://shop.test/api/webhooks/cryptomus" });
  });

  it("returns the same invoice when asked again for the same order", async () => {
    const first = await gateway().createPayment(input("ord_c2"));
    expect((await gateway().createPayment(input("ord_c2"))).providerPaymentId).toBe(first.providerPaymentId);
  });

  it("fetches the invoice with both the invoice amount and the amount actually received", async () => {
    const { providerPaymentId } = await gateway().createPayment(input("ord_c3"));
    expect(await gateway().fetchPayment(providerPaymentId)).toMatchObject({ status: "pending", received: null, amount: { amountMinor: 2000n, currency: "USD" } });
    fake.pay(providerPaymentId, { amount: "21.000000", currency: "USDT", status: "paid_over", usd: "21.00" });
    expect(await gateway().fetchPayment(providerPaymentId)).toMatchObject({
      status: "succeeded", orderId: "ord_c3", received: { amountMinor: 21000000n, currency: "USDT" }, receivedValue: { amountMinor: 2100n, currency: "USD" },
    });
  });

  it("maps Cryptomus errors to AppError and refuses refunds to a card", async () => {
    await expect(gateway("wrong-key").createPayment(input("ord_c4"))).rejects.toMatchObject({ code: "INTERNAL" });
    await expect(gateway().createPayment(input("bad order id!"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("order_id") });
    await expect(gateway().fetchPayment("00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gateway().refund("x", { amountMinor: 1n, currency: "USD" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
