import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as sandboxWebhook } from "@/app/api/webhooks/sandbox/route";
import { getSandboxSecret } from "@/lib/payments/credentials";
import { completeSandboxPayment } from "@/lib/payments/sandbox/client";
import { defaultSandboxStore } from "@/lib/payments/sandbox/store";
import { startPayment } from "@/lib/orders/start-payment";
import { refundOrderByForm } from "@/lib/orders/refund-order-by-form";
import { getOrderForAdmin } from "@/lib/orders/admin-queries";
import { validateLicense } from "@/lib/licensing/validate-license";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createUser, viewerOf } from "../support/factories";
import { checkoutCounts, failure } from "../orders/support";
import { pendingPurchase, webhookRequest } from "../webhooks/support";

/** A customer's order paid on the sandbox gateway through its signed webhook, with its license key. */
async function paidSandboxOrder(options: { priceMinor?: bigint; currency?: string } = {}) {
  const { user, order } = await pendingPurchase({ priceMinor: options.priceMinor ?? 2000n, currency: options.currency });
  const started = await startPayment({ userId: user.id, orderId: order.id, gateway: "sandbox", locale: "en" });
  const paymentId = decodeURIComponent(new URL(started.redirectUrl!).pathname.split("/").pop()!);
  const paid = await completeSandboxPayment(paymentId, { status: "succeeded" }, { secret: await getSandboxSecret() });
  expect((await sandboxWebhook(webhookRequest("sandbox", paid.body, paid.headers))).status).toBe(200);
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  const license = await db.license.findFirstOrThrow({ where: { userId: user.id } });
  return { user, order, paymentId, key: decryptSecret(license.keyCiphertext, license.id) };
}

const sandboxReceived = async (paymentId: string) => (await defaultSandboxStore().get(paymentId))?.received;

/** Every row a refund writes; a refused form must leave them all as they were. */
async function refundCounts(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedMinor: true } });
  return { ...(await checkoutCounts()), refunds: await db.orderRefund.count(), order };
}

const form = (orderId: string, values: Record<string, string>) => ({ orderId, nonce: randomUUID(), reason: "Customer asked", ...values });

describe("admin refund form", () => {
  it("refunds a paid sandbox order partly through the gateway, then the rest once confirmed; the page data follows", async () => {
    const { order, paymentId, key } = await paidSandboxOrder({ priceMinor: 2000n });
    const adminUser = await createUser({ role: "ADMIN" });
    const admin = viewerOf(adminUser);

    const partial = await refundOrderByForm(admin, form(order.id, { amount: "7.50", reason: "Partial goodwill" }));
    expect(partial).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 750n, gatewayMinor: 750n, walletMinor: 0n, replayed: false });
    expect(await sandboxReceived(paymentId)).toBe("12.50");
    expect((await validateLicense({ key })).code).toBe("VALID");

    let page = await getOrderForAdmin(admin, order.id);
    expect(page).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 750n, refundableMinor: 1250n });
    expect(page!.refunds).toHaveLength(1);
    expect(page!.refunds[0]).toMatchObject({ amountMinor: 750n, gatewayMinor: 750n, walletMinor: 0n, source: "ADMIN", reason: "Partial goodwill", actor: { id: adminUser.id, email: adminUser.email } });
    expect(page!.refunds[0]!.providerRefundId).toMatch(/^sbx_re_/);

    // Everything that is left revokes the licenses: refused until the admin ticks the box.
    const before = await refundCounts(order.id);
    const unconfirmed = await failure(refundOrderByForm(admin, form(order.id, { amount: "12.5" })));
    expect(unconfirmed).toMatchObject({ code: "VALIDATION_FAILED", fields: { confirmFull: ["confirmFull"] } });
    expect(await refundCounts(order.id)).toEqual(before);
    expect(await sandboxReceived(paymentId)).toBe("12.50");

    const rest = form(order.id, { amount: "12.50", reason: "Cancelled", confirmFull: "on" });
    expect(await refundOrderByForm(admin, rest)).toMatchObject({ status: "REFUNDED", refundedMinor: 2000n, gatewayMinor: 1250n, replayed: false });
    expect(await sandboxReceived(paymentId)).toBe("0.00");
    expect((await validateLicense({ key })).code).toBe("REVOKED");
    // The same form posted again after it went through (a retried request) replays the refund.
    expect(await refundOrderByForm(admin, rest)).toMatchObject({ status: "REFUNDED", replayed: true });

    page = await getOrderForAdmin(admin, order.id);
    expect(page).toMatchObject({ status: "REFUNDED", refundedMinor: 2000n, refundableMinor: 0n });
    expect(page!.refunds.map((r) => [r.amountMinor, r.reason])).toEqual([[750n, "Partial goodwill"], [1250n, "Cancelled"]]);
    expect(page!.licenses.map((l) => l.status)).toEqual(["REVOKED"]);
    expect(await db.auditLog.count({ where: { action: "order.refunded", targetId: order.id, actorId: adminUser.id } })).toBe(2);

    // Nothing is left: any new refund is more than the order has.
    expect(await failure(refundOrderByForm(admin, form(order.id, { amount: "0.01" })))).toMatchObject({ fields: { amount: ["exceedsRefundable"] } });
  });

  it("two unconfirmed partial refunds that together empty the order: the second is refused under the lock", async () => {
    const { order, key } = await paidSandboxOrder({ priceMinor: 2000n });
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const results = await Promise.allSettled([
      refundOrderByForm(admin, form(order.id, { amount: "10.00" })),
      refundOrderByForm(admin, form(order.id, { amount: "10.00" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "VALIDATION_FAILED", fields: { confirmFull: ["confirmFull"] } });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, refundedMinor: true } })).toEqual({ status: "PARTIALLY_REFUNDED", refundedMinor: 1000n });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await validateLicense({ key })).code).toBe("VALID");
  });

  it("bad amounts, too much and a missing reason are field errors and write nothing", async () => {
    const { order, paymentId } = await paidSandboxOrder({ priceMinor: 2000n });
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const before = await refundCounts(order.id);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ amount: "abc" }, { amount: ["amountInvalid"] }],
      [{ amount: "" }, { amount: ["required"] }],
      [{ amount: "-5" }, { amount: ["amountInvalid"] }],
      [{ amount: "1,50" }, { amount: ["amountInvalid"] }],
      [{ amount: "7.505" }, { amount: ["tooManyDecimals"] }],
      [{ amount: "0.00" }, { amount: ["zeroAmount"] }],
      [{ amount: "20.01" }, { amount: ["exceedsRefundable"] }],
      [{ amount: "5", reason: "" }, { reason: ["reasonRequired"] }],
      [{ amount: "5", reason: "  " }, { reason: ["reasonRequired"] }],
      [{ amount: "5", reason: "x".repeat(501) }, { reason: ["tooLong"] }],
      [{ amount: "nope", reason: "" }, { amount: ["amountInvalid"], reason: ["reasonRequired"] }],
      [{ amount: "5", nonce: "short" }, { nonce: ["invalid"] }],
    ];
    for (const [values, fields] of cases) {
      const err = await failure(refundOrderByForm(admin, form(order.id, values)));
      expect(err.code, JSON.stringify(values)).toBe("VALIDATION_FAILED");
      expect(err.fields, JSON.stringify(values)).toEqual(fields);
    }
    const { reason: _reason, ...noReason } = form(order.id, { amount: "5" });
    expect((await failure(refundOrderByForm(admin, noReason))).fields).toEqual({ reason: ["reasonRequired"] });
    expect((await failure(refundOrderByForm(admin, form("ord_x", { amount: "5" })))).fields).toEqual({ orderId: ["INVALID"] });
    expect((await failure(refundOrderByForm(admin, form(`ord_${"0".repeat(26)}`, { amount: "5" })))).code).toBe("NOT_FOUND");
    expect(await refundCounts(order.id)).toEqual(before);
    expect(await sandboxReceived(paymentId)).toBe("20.00");
  });

  it("reads the amount in the order currency's decimals (JPY has none)", async () => {
    const { order, paymentId } = await paidSandboxOrder({ priceMinor: 3000n, currency: "JPY" });
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    expect((await failure(refundOrderByForm(admin, form(order.id, { amount: "15.5" })))).fields).toEqual({ amount: ["tooManyDecimals"] });
    expect(await refundOrderByForm(admin, form(order.id, { amount: "1500" }))).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 1500n, gatewayMinor: 1500n });
    expect(await sandboxReceived(paymentId)).toBe("1500");
  });

  it("the same form posted five times at once refunds once", async () => {
    const { order, paymentId } = await paidSandboxOrder({ priceMinor: 2000n });
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const same = form(order.id, { amount: "3.00", reason: "Double click" });
    const results = await Promise.all(Array.from({ length: 5 }, () => refundOrderByForm(admin, same)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.refundId)).size).toBe(1);
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(300n);
    expect(await sandboxReceived(paymentId)).toBe("17.00");
    // A new form (a new nonce) with the same values is a second refund.
    expect(await refundOrderByForm(admin, { ...same, nonce: randomUUID() })).toMatchObject({ refundedMinor: 600n, replayed: false });
  });

  it("support staff, customers and anonymous callers cannot refund; support still sees the refunds", async () => {
    const { user, order, paymentId } = await paidSandboxOrder({ priceMinor: 2000n });
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    await refundOrderByForm(admin, form(order.id, { amount: "1.00" }));
    const before = await refundCounts(order.id);
    expect((await failure(refundOrderByForm(support, form(order.id, { amount: "1.00" })))).code).toBe("FORBIDDEN");
    expect((await failure(refundOrderByForm(viewerOf(user), form(order.id, { amount: "1.00" })))).code).toBe("FORBIDDEN");
    expect((await failure(refundOrderByForm(null, form(order.id, { amount: "1.00" })))).code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    expect(await refundCounts(order.id)).toEqual(before);
    expect(await sandboxReceived(paymentId)).toBe("19.00");
    expect((await getOrderForAdmin(support, order.id))!.refunds).toHaveLength(1);
  });
});
