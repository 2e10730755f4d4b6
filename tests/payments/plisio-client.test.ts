import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlisioGateway } from "@/lib/payments/plisio/client";
import { startFakePlisio, type FakePlisio } from "../support/fake-plisio";

const secretKey = "plisio-secret";
let fake: FakePlisio;

beforeAll(async () => {
  fake = await startFakePlisio(secretKey);
});
afterAll(() => fake.close());

const gateway = (key = secretKey) => createPlisioGateway({ secretKey: key, baseUrl: fake.url });
const input = (orderId: string) => ({
  orderId, amount: { amountMinor: 2500n, currency: "USD" }, description: "Keyfront Pro", returnUrl: "https://shop.test/ok", cancelUrl: "https://shop.test/cancel",
  webhookUrl: "https://shop.test/api/webhooks/plisio", idempotencyKey: `idem-${orderId}`,
});

describe("Plisio client against a local Plisio", () => {
  it("creates an invoice with the decimal amount and a JSON callback URL", async () => {
    const created = await gateway().createPayment(input("ord_pl_1"));
    expect(created.redirectUrl).toBe(`https://plisio.test/invoice/${created.providerPaymentId}`);
    const query = fake.requests.at(-1)!.query;
    expect(query.get("source_amount")).toBe("25.00");
    expect(query.get("callback_url")).toBe("https://shop.test/api/webhooks/plisio?json=true");
  });

  it("fetches the operation: nothing received while new, the crypto amount once paid", async () => {
    const { providerPaymentId } = await gateway().createPayment(input("ord_pl_2"));
    expect(await gateway().fetchPayment(providerPaymentId)).toMatchObject({ status: "pending", received: null, amount: { amountMinor: 2500n, currency: "USD" }, orderId: "ord_pl_2" });
    fake.pay(providerPaymentId, { amount: "0.00090000", currency: "BTC", status: "mismatch" });
    expect(await gateway().fetchPayment(providerPaymentId)).toMatchObject({ status: "succeeded", received: { amountMinor: 90000n, currency: "BTC" } });
  });

  it("maps Plisio errors to AppError", async () => {
    await expect(gateway().createPayment(input("ord_pl_2"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("already exists") });
    await expect(gateway("wrong").createPayment(input("ord_pl_3"))).rejects.toMatchObject({ code: "INTERNAL" });
    await expect(gateway().fetchPayment("ffffffffffffffffffffffff")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
