import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startPayment } from "@/lib/orders/start-payment";
import { finishSandboxPayment, getSandboxPaymentView } from "@/lib/payments/sandbox/finish-sandbox-payment";
import { isSandboxAllowed } from "@/lib/payments/sandbox/client";
import { loadEnv } from "@/lib/env";
import { failure } from "../orders/support";
import { orderEffects, pendingPurchase } from "./support";

// Nothing listens here: the page's webhook is then verified and processed in this process.
process.env.APP_URL = "http://127.0.0.1:9";

const paymentIdOf = (url: string | null) => decodeURIComponent(new URL(url!).pathname.split("/").pop()!);

describe("the hosted sandbox page", () => {
  it("Pay sends the signed webhook that pays the order and returns to the shop", async () => {
    const { user, order } = await pendingPurchase({ priceMinor: 4200n });
    const started = await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "ar" });
    expect(started.redirectUrl).toBe(`http://127.0.0.1:9/sandbox/pay/${paymentIdOf(started.redirectUrl)}`);
    const id = paymentIdOf(started.redirectUrl);
    expect(await getSandboxPaymentView(id)).toMatchObject({ amountMinor: 4200n, currency: "USD", pending: true });
    const { redirectUrl } = await finishSandboxPayment({ paymentId: id, choice: "pay" });
    expect(redirectUrl).toBe(`http://127.0.0.1:9/ar/checkout/complete?order=${order.id}`);
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "PAID", licenses: 1, emails: 2, events: 1 });
    expect((await getSandboxPaymentView(id))?.pending).toBe(false);
    // A second click finds it done and just goes back.
    expect((await finishSandboxPayment({ paymentId: id, choice: "fail" })).redirectUrl).toBe(redirectUrl);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  });

  it("Cancel fails the order and goes to the cancel page; bad ids are refused", async () => {
    const { user, order } = await pendingPurchase();
    const id = paymentIdOf((await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" })).redirectUrl);
    expect((await finishSandboxPayment({ paymentId: id, choice: "cancel" })).redirectUrl).toContain("canceled=1");
    expect(await orderEffects(order.id, user.id)).toMatchObject({ status: "FAILED", licenses: 0 });
    expect((await failure(finishSandboxPayment({ paymentId: "sbx_../../etc", choice: "pay" }))).code).toBe("VALIDATION_FAILED");
    expect((await failure(finishSandboxPayment({ paymentId: `sbx_${"0".repeat(24)}`, choice: "pay" }))).code).toBe("NOT_FOUND");
    expect(await getSandboxPaymentView("nope")).toBeNull();
  });

  it("exists on the embedded install even on a production build, never on a real production deployment", () => {
    const base = { DATABASE_URL: "postgresql://x@127.0.0.1/x", AUTH_SECRET: "a".repeat(32), ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") };
    expect(isSandboxAllowed(loadEnv({ ...base, NODE_ENV: "production", KEYFRONT_EMBEDDED: "1" }))).toBe(true);
    expect(isSandboxAllowed(loadEnv({ ...base, NODE_ENV: "production" }))).toBe(false);
    expect(isSandboxAllowed(loadEnv({ ...base, NODE_ENV: "development" }))).toBe(true);
  });
});
