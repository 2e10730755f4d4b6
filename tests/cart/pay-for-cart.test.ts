import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { payForCart } from "@/lib/cart/pay-for-cart";
import { priceCart } from "@/lib/cart/price-cart";
import { removePurchasedLines } from "@/lib/cart/remove-purchased-lines";
import type { Cart } from "@/lib/cart/schemas";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { createUser } from "../support/factories";

async function planOnSale(priceMinor = 2500n) {
  const product = await db.product.create({ data: { id: newId("product"), slug: `p-${randomBytes(4).toString("hex")}`, name: "Pay Product" } });
  const plan = await db.plan.create({ data: { id: newId("plan"), productId: product.id, slug: "std", name: "Standard", activationLimit: 2 } });
  await db.price.create({ data: { id: newId("price"), planId: plan.id, currency: "USD", amountMinor: priceMinor } });
  return plan;
}

const nonce = () => randomBytes(18).toString("base64url");
const counts = async () => ({ orders: await db.order.count(), walletEntries: await db.walletEntry.count(), licenses: await db.license.count() });

async function quoted(userId: string, cart: Cart) {
  const priced = await priceCart({ cart, currency: "USD", userId, locale: "en" });
  return priced.quote!.quoteHash;
}

describe("pay for cart", () => {
  it("rejects bad input with field reasons and writes nothing", async () => {
    const user = await createUser();
    const plan = await planOnSale();
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 1 }], promoCode: null, useWallet: false };
    const quoteHash = await quoted(user.id, cart);
    const base = { userId: user.id, cart, currency: "USD", locale: "en" as const, availableGateways: ["sandbox", "cryptomus"] as const };
    const before = await counts();
    const cases: [unknown, Record<string, string[]>][] = [
      [{ quoteHash: "nope", idempotencyKey: nonce(), gateway: "sandbox" }, { quoteHash: ["INVALID"] }],
      [{ quoteHash, idempotencyKey: "short", gateway: "sandbox" }, { idempotencyKey: ["INVALID"] }],
      [{ quoteHash, idempotencyKey: `${nonce()}<>`, gateway: "sandbox" }, { idempotencyKey: ["INVALID"] }],
      [{ quoteHash, idempotencyKey: nonce(), gateway: "bitcoin-atm" }, { gateway: ["GATEWAY_UNAVAILABLE"] }],
      // configured, but not one that takes a purchase
      [{ quoteHash, idempotencyKey: nonce(), gateway: "cryptomus" }, { gateway: ["GATEWAY_UNAVAILABLE"] }],
      // a real gateway this store does not offer
      [{ quoteHash, idempotencyKey: nonce(), gateway: "stripe" }, { gateway: ["GATEWAY_UNAVAILABLE"] }],
      [{}, { quoteHash: ["REQUIRED"], idempotencyKey: ["REQUIRED"] }],
    ];
    for (const [form, fields] of cases) {
      await expect(payForCart({ ...base, form }), JSON.stringify(form)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields });
    }
    await expect(payForCart({ ...base, cart: { ...cart, lines: [] }, form: { quoteHash, idempotencyKey: nonce(), gateway: "sandbox" } }))
      .rejects.toMatchObject({ fields: { _form: ["EMPTY_CART"] } });
    expect(await counts()).toEqual(before);
  });

  it("answers a changed quote with the new one and creates no order", async () => {
    const user = await createUser();
    const plan = await planOnSale(1000n);
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 2 }], promoCode: null, useWallet: false };
    const seen = await quoted(user.id, cart);
    await db.price.updateMany({ where: { planId: plan.id }, data: { amountMinor: 1200n } });
    const result = await payForCart({ userId: user.id, cart, currency: "USD", locale: "en", availableGateways: ["sandbox"], form: { quoteHash: seen, idempotencyKey: nonce(), gateway: "sandbox" } });
    expect(result.kind).toBe("quoteChanged");
    if (result.kind !== "quoteChanged") return;
    expect(result.quote.quote.totals.totalMinor).toBe(2400n);
    expect(result.quote.quoteHash).not.toBe(seen);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("one order for a double submit of the same page, sent to the sandbox payment page", async () => {
    const user = await createUser();
    const plan = await planOnSale();
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 3 }], promoCode: null, useWallet: false };
    const form = { quoteHash: await quoted(user.id, cart), idempotencyKey: nonce(), gateway: "sandbox" };
    const results = await Promise.all(Array.from({ length: 5 }, () =>
      payForCart({ userId: user.id, cart, currency: "USD", locale: "de", availableGateways: ["sandbox"], form })));
    const orderIds = new Set(results.map((r) => (r.kind === "redirect" ? r.orderId : r.kind)));
    expect(orderIds.size).toBe(1);
    expect(results.every((r) => r.kind === "redirect")).toBe(true);
    const orders = await db.order.findMany({ where: { userId: user.id }, include: { items: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: "PENDING", gateway: "sandbox", totalMinor: 7500n });
    expect(orders[0]!.items.map((i) => i.quantity)).toEqual([3]);
    expect(new Set(results.map((r) => (r.kind === "redirect" ? r.url : "")))).toHaveProperty("size", 1);
  });

  it("without a payment method the order waits, and the same page then pays that same order", async () => {
    const user = await createUser();
    const plan = await planOnSale();
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 1 }], promoCode: null, useWallet: false };
    const form = { quoteHash: await quoted(user.id, cart), idempotencyKey: nonce() };
    const input = { userId: user.id, cart, currency: "USD", locale: "en" as const, availableGateways: ["sandbox"] as const };
    await expect(payForCart({ ...input, form })).rejects.toMatchObject({ fields: { gateway: ["CHOOSE_GATEWAY"] } });
    const paid = await payForCart({ ...input, form: { ...form, gateway: "sandbox" } });
    expect(paid.kind).toBe("redirect");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a cart the wallet covers is paid at once, and the bought plans leave the cart", async () => {
    const user = await createUser();
    const other = await createUser();
    const plan = await planOnSale(1500n);
    const keep = await planOnSale(900n);
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 5000n, idempotencyKey: `seed-${user.id}` });
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 2 }], promoCode: null, useWallet: true };
    const result = await payForCart({ userId: user.id, cart, currency: "USD", locale: "en", availableGateways: [], form: { quoteHash: await quoted(user.id, cart), idempotencyKey: nonce() } });
    expect(result.kind).toBe("paid");
    if (result.kind !== "paid") return;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    expect(order).toMatchObject({ status: "PAID", walletMinor: 3000n, totalMinor: 3000n });
    expect(await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId: user.id, currency: "USD" } } })).toMatchObject({ balanceMinor: 2000n });
    expect(await db.license.count({ where: { userId: user.id } })).toBeGreaterThan(0);

    const later: Cart = { lines: [{ planId: plan.id, quantity: 2 }, { planId: keep.id, quantity: 1 }], promoCode: null, useWallet: true };
    expect((await removePurchasedLines(later, { userId: user.id, orderId: result.orderId })).lines).toEqual([{ planId: keep.id, quantity: 1 }]);
    // Someone else's order, or no order at all, leaves the cart alone.
    expect(await removePurchasedLines(later, { userId: other.id, orderId: result.orderId })).toBe(later);
    expect(await removePurchasedLines(later, { userId: user.id, orderId: "ord_nope" })).toBe(later);
  });
});
