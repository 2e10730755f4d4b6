import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { quoteCart } from "@/lib/checkout/quote-cart";
import { createOrder } from "@/lib/orders/create-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { capturePayPalOrder } from "@/lib/orders/capture-paypal-order";
import { fulfilOrder } from "@/lib/orders/fulfil-order";
import { validateLicense } from "@/lib/licensing/validate-license";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createUser, viewerOf } from "../support/factories";
import { checkoutCounts, createPricedPlan, failure, fundWallet } from "./support";

async function walletPaidOrder() {
  const user = await createUser();
  const { plan } = await createPricedPlan({ prices: { USD: 4000n } });
  await fundWallet(user.id, 4000n);
  const request = { userId: user.id, currency: "USD", lines: [{ planId: plan.id, quantity: 1 }], useWallet: true };
  const { order } = await createOrder({ ...request, quoteHash: (await quoteCart(request)).quoteHash, idempotencyKey: `checkout-${randomBytes(8).toString("hex")}` });
  return { user, order };
}

const balance = async (userId: string) => (await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId, currency: "USD" } } })).balanceMinor;

describe("refunds of wallet-paid orders go back to the wallet", () => {
  it("partial then full, concurrent replays counted once, licenses revoked at once on the full refund", async () => {
    const { user, order } = await walletPaidOrder();
    expect(order.status).toBe("PAID");
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const license = await db.license.findFirstOrThrow({ where: { userId: user.id } });
    const key = decryptSecret(license.keyCiphertext, license.id);

    const same = { orderId: order.id, amountMinor: 1500n, reason: "Partial goodwill", idempotencyKey: "wallet-refund-1" };
    const results = await Promise.all([refundOrder(admin, same), refundOrder(admin, same), refundOrder(admin, same)]);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: "PARTIALLY_REFUNDED", walletMinor: 1500n, gatewayMinor: 0n });
    expect(await balance(user.id)).toBe(1500n);

    // Two different refunds for the rest racing: only one fits.
    const rest = await Promise.allSettled([
      refundOrder(admin, { orderId: order.id, amountMinor: 2500n, reason: "Rest A", idempotencyKey: "wallet-refund-a" }),
      refundOrder(admin, { orderId: order.id, amountMinor: 2500n, reason: "Rest B", idempotencyKey: "wallet-refund-b" }),
    ]);
    expect(rest.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await balance(user.id)).toBe(4000n);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");
    expect((await validateLicense({ key })).code).toBe("REVOKED");
    expect(await db.auditLog.count({ where: { action: "license.revoked", targetId: license.id } })).toBe(1);
  });

  it("bad refund input and bad ids elsewhere are refused with nothing written", async () => {
    const { user, order } = await walletPaidOrder();
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const before = await checkoutCounts();
    expect((await failure(refundOrder(support, { orderId: order.id, reason: "x refund", idempotencyKey: "refund-support-1" }))).code).toBe("FORBIDDEN");
    expect((await failure(refundOrder(null, { orderId: order.id, reason: "x refund", idempotencyKey: "refund-anon-1" }))).code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    for (const input of [
      { orderId: order.id, amountMinor: 0n, reason: "Zero", idempotencyKey: "refund-bad-1" },
      { orderId: order.id, amountMinor: -5, reason: "Negative", idempotencyKey: "refund-bad-2" },
      { orderId: order.id, amountMinor: 4001n, reason: "Too much", idempotencyKey: "refund-bad-3" },
      { orderId: order.id, amountMinor: 100n, reason: "", idempotencyKey: "refund-bad-4" },
      { orderId: "ord_x", amountMinor: 100n, reason: "Bad id", idempotencyKey: "refund-bad-5" },
    ]) {
      expect((await failure(refundOrder(admin, input as never))).code).toBe("VALIDATION_FAILED");
    }
    expect((await failure(refundOrder(admin, { orderId: `ord_${"0".repeat(26)}`, reason: "Missing", idempotencyKey: "refund-bad-6" }))).code).toBe("NOT_FOUND");
    expect((await failure(capturePayPalOrder({ userId: user.id, orderId: order.id }))).code).toBe("CONFLICT");
    expect((await failure(capturePayPalOrder({ userId: "usr_x", orderId: order.id }))).code).toBe("VALIDATION_FAILED");
    expect((await failure(fulfilOrder("ord_bad", null))).code).toBe("VALIDATION_FAILED");
    expect((await failure(fulfilOrder(`ord_${"0".repeat(26)}`, null))).code).toBe("NOT_FOUND");
    expect(await checkoutCounts()).toEqual(before);
    expect(await balance(user.id)).toBe(0n);
  });
});
