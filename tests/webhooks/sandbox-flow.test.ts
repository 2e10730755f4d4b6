import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as sandboxWebhook } from "@/app/api/webhooks/sandbox/route";
import { getSandboxSecret } from "@/lib/payments/credentials";
import { completeSandboxPayment } from "@/lib/payments/sandbox/client";
import { defaultSandboxStore } from "@/lib/payments/sandbox/store";
import { SANDBOX_SIGNATURE_HEADER, signSandboxPayload } from "@/lib/payments/sandbox/sign";
import { startPayment } from "@/lib/orders/start-payment";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { createTopUpOrder } from "@/lib/orders/create-top-up-order";
import { retryWhenBusy } from "../support/factories";
import { orderEffects, pendingPurchase, webhookRequest } from "./support";

async function sandboxEvent(paymentId: string, status: string, received: string | null) {
  const payment = (await defaultSandboxStore().get(paymentId))!;
  const body = JSON.stringify({
    id: `sbx_evt_${randomBytes(8).toString("hex")}`, type: `payment.${status}`,
    data: { paymentId, orderId: payment.orderId, status, amount: payment.amount, currency: payment.currency, received },
  });
  return { body, headers: { [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(body, await getSandboxSecret()) } };
}

const deliver = (e: { body: string; headers: Record<string, string> }) => sandboxWebhook(webhookRequest("sandbox", e.body, e.headers));
const paymentIdOf = (url: string | null) => decodeURIComponent(new URL(url!).pathname.split("/").pop()!);

describe("sandbox gateway: pay, webhook, fulfil", () => {
  it("the same webhook 5 times and out of order pays the order once: one license, one set of emails", async () => {
    const { user, order } = await pendingPurchase({ priceMinor: 2000n, quantity: 3, activationLimit: 2 });
    const started = await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "de" });
    expect(started.redirectUrl).toMatch(/\/sandbox\/pay\/sbx_/);
    const paymentId = paymentIdOf(started.redirectUrl);
    // Same order + gateway + language: the same sandbox payment.
    expect(paymentIdOf((await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "de" })).redirectUrl)).toBe(paymentId);

    const pending = await sandboxEvent(paymentId, "pending", null);
    const failed = await sandboxEvent(paymentId, "failed", null);
    const paid = await completeSandboxPayment(paymentId, { status: "succeeded" }, { secret: await getSandboxSecret() });
    expect(paid.url).toBe("http://localhost:3000/api/webhooks/sandbox");

    // The "failed" arrives first: the provider says the payment succeeded, so it pays, not fails.
    expect((await deliver(failed)).status).toBe(200);
    const answers = await Promise.all([...Array.from({ length: 5 }, () => deliver(paid)), deliver(pending), deliver(failed)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);

    const effects = await orderEffects(order.id, user.id);
    expect(effects).toMatchObject({ status: "PAID", licenses: 1, emails: 2, walletEntries: 0 });
    expect(effects.order).toMatchObject({ gateway: "sandbox", gatewayPaymentId: paymentId });
    expect(await db.license.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ seats: 6, status: "ACTIVE" });
    expect(await db.paymentEvent.count({ where: { provider: "sandbox", payload: { path: ["data", "paymentId"], equals: paymentId } } })).toBe(3);
  });

  it("20 parallel fulfilments of one payment fulfil the order once", async () => {
    const { user, order } = await pendingPurchase({ priceMinor: 1500n });
    const started = await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" });
    const paymentId = paymentIdOf(started.redirectUrl);
    await completeSandboxPayment(paymentId, { status: "succeeded" }, { secret: await getSandboxSecret() });
    const snapshot = { provider: "sandbox" as const, providerPaymentId: paymentId, orderId: order.id, status: "succeeded" as const, amount: { amountMinor: 1500n, currency: "USD" }, received: { amountMinor: 1500n, currency: "USD" }, receivedValue: { amountMinor: 1500n, currency: "USD" } };
    const results = await Promise.all(Array.from({ length: 20 }, () => retryWhenBusy(() => fulfilOrder(order.id, snapshot))));
    expect(results.filter((r) => r.outcome === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "already_paid")).toHaveLength(19);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1, emails: 2 });
  });

  it("an underpayment leaves the order unpaid; a payment for another order pays nothing", async () => {
    const { user, order } = await pendingPurchase({ priceMinor: 1500n });
    const under = await fulfilOrder(order.id, { provider: "sandbox", providerPaymentId: "sbx_x", orderId: order.id, status: "succeeded", amount: { amountMinor: 1500n, currency: "USD" }, received: { amountMinor: 1499n, currency: "USD" }, receivedValue: { amountMinor: 1499n, currency: "USD" } });
    expect(under.outcome).toBe("underpaid");
    const other = await pendingPurchase({ priceMinor: 1500n });
    const wrong = await fulfilOrder(order.id, { provider: "sandbox", providerPaymentId: "sbx_y", orderId: other.order.id, status: "succeeded", amount: { amountMinor: 1500n, currency: "USD" }, received: { amountMinor: 1500n, currency: "USD" }, receivedValue: { amountMinor: 1500n, currency: "USD" } });
    expect(wrong.outcome).toBe("mismatch");
    const euros = await fulfilOrder(order.id, { provider: "sandbox", providerPaymentId: "sbx_z", orderId: order.id, status: "succeeded", amount: { amountMinor: 1500n, currency: "EUR" }, received: { amountMinor: 1500n, currency: "EUR" }, receivedValue: { amountMinor: 1500n, currency: "EUR" } });
    expect(euros.outcome).toBe("mismatch");
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PENDING", licenses: 0, emails: 0 });
  });

  it("a failed payment fails the order once; a late success after that pays nothing", async () => {
    const { user, order } = await pendingPurchase();
    const paymentId = paymentIdOf((await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" })).redirectUrl);
    const failed = await completeSandboxPayment(paymentId, { status: "failed" }, { secret: await getSandboxSecret() });
    const answers = await Promise.all([deliver(failed), deliver(failed), deliver(failed)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "FAILED", licenses: 0, emails: 0 });
    const late = await fulfilOrder(order.id, { provider: "sandbox", providerPaymentId: paymentId, orderId: order.id, status: "succeeded", amount: { amountMinor: 2000n, currency: "USD" }, received: { amountMinor: 2000n, currency: "USD" }, receivedValue: { amountMinor: 2000n, currency: "USD" } });
    expect(late.outcome).toBe("not_pending");
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "FAILED", licenses: 0, emails: 0 });
  });

  it("a sandbox wallet top-up credits what was received, partial payments included, once", async () => {
    const { user } = await pendingPurchase();
    const { order } = await createTopUpOrder({ userId: user.id, currency: "USD", amountMinor: 5000n, idempotencyKey: `top-up-${randomBytes(6).toString("hex")}` });
    const paymentId = paymentIdOf((await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" })).redirectUrl);
    const partial = await completeSandboxPayment(paymentId, { status: "partially_paid", received: { amountMinor: 3000n, currency: "USD" } }, { secret: await getSandboxSecret() });
    await Promise.all([deliver(partial), deliver(partial), deliver(partial)]);
    const wallet = await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId: user.id, currency: "USD" } } });
    expect(wallet.balanceMinor).toBe(3000n);
    expect(await db.walletEntry.count({ where: { orderId: order.id, kind: "TOP_UP" } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await db.email.count({ where: { to: user.email, template: "walletTopUp" } })).toBe(1);
  });

  it("refuses forged, malformed and oversized deliveries with nothing written", async () => {
    const { user, order } = await pendingPurchase();
    const paymentId = paymentIdOf((await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" })).redirectUrl);
    const before = await db.paymentEvent.count();
    const good = await sandboxEvent(paymentId, "succeeded", "20.00");
    const forged = { body: good.body.replace("20.00", "99.00"), headers: good.headers };
    expect((await deliver(forged)).status).toBe(401);
    expect((await deliver({ body: good.body, headers: {} })).status).toBe(401);
    const wrongSecret = { body: good.body, headers: { [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(good.body, "x".repeat(40)) } };
    expect((await deliver(wrongSecret)).status).toBe(401);
    const stale = { body: good.body, headers: { [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(good.body, await getSandboxSecret(), Math.floor(Date.now() / 1000) - 3600) } };
    expect((await deliver(stale)).status).toBe(401);
    const notJson = "{not json";
    const malformed = await deliver({ body: notJson, headers: { [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(notJson, await getSandboxSecret()) } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const huge = "x".repeat(300 * 1024);
    expect((await deliver({ body: huge, headers: { [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(huge, await getSandboxSecret()) } })).status).toBe(413);
    expect(await db.paymentEvent.count()).toBe(before);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PENDING", licenses: 0, emails: 0 });
  });
});
