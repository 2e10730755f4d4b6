import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { addToCart } from "@/lib/cart/add-to-cart";
import { applyPromoCode } from "@/lib/cart/apply-promo-code";
import { priceCart } from "@/lib/cart/price-cart";
import { removeCartLine } from "@/lib/cart/remove-cart-line";
import { setCartWallet } from "@/lib/cart/set-cart-wallet";
import { updateCartLine } from "@/lib/cart/update-cart-line";
import { EMPTY_CART, MAX_CART_LINES, type Cart } from "@/lib/cart/schemas";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { createPromoCode, createUser } from "../support/factories";

async function planOnSale(options: { priceMinor?: bigint; active?: boolean; productActive?: boolean } = {}) {
  const product = await db.product.create({ data: { id: newId("product"), slug: `p-${randomBytes(4).toString("hex")}`, name: "Cart Product", active: options.productActive ?? true } });
  const plan = await db.plan.create({ data: { id: newId("plan"), productId: product.id, slug: "std", name: "Standard", active: options.active ?? true } });
  await db.price.create({ data: { id: newId("price"), planId: plan.id, currency: "USD", amountMinor: options.priceMinor ?? 1000n } });
  return plan;
}

async function fieldsOf(p: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (err) {
    return { code: (err as { code?: string }).code, fields: (err as { fields?: Record<string, string[]> }).fields };
  }
  throw new Error("expected a rejection");
}

describe("cart edits", () => {
  it("adds seats of a plan on sale, and adds to the line already there", async () => {
    const plan = await planOnSale();
    const once = await addToCart(EMPTY_CART, { planId: plan.id, quantity: "3" });
    expect(once.lines).toEqual([{ planId: plan.id, quantity: 3 }]);
    const twice = await addToCart(once, { planId: plan.id, quantity: 2 });
    expect(twice.lines).toEqual([{ planId: plan.id, quantity: 5 }]);
  });

  it("refuses plans that are not on sale and bad quantities, leaving the cart as it was", async () => {
    const onSale = await planOnSale();
    const inactive = await planOnSale({ active: false });
    const hidden = await planOnSale({ productActive: false });
    const cart: Cart = { lines: [{ planId: onSale.id, quantity: 1 }], promoCode: null, useWallet: false };
    const before = structuredClone(cart);
    expect(await fieldsOf(addToCart(cart, { planId: inactive.id, quantity: 1 }))).toEqual({ code: "VALIDATION_FAILED", fields: { planId: ["UNKNOWN_PLAN"] } });
    expect(await fieldsOf(addToCart(cart, { planId: hidden.id, quantity: 1 }))).toEqual({ code: "VALIDATION_FAILED", fields: { planId: ["UNKNOWN_PLAN"] } });
    expect(await fieldsOf(addToCart(cart, { planId: newId("plan"), quantity: 1 }))).toMatchObject({ fields: { planId: ["UNKNOWN_PLAN"] } });
    expect(await fieldsOf(addToCart(cart, { planId: "'; drop table", quantity: 1 }))).toMatchObject({ fields: { planId: ["UNKNOWN_PLAN"] } });
    for (const quantity of [0, -1, 1.5, "abc", "", 10_001, null, undefined]) {
      expect(await fieldsOf(addToCart(cart, { planId: onSale.id, quantity })), String(quantity)).toMatchObject({ fields: { quantity: ["QUANTITY_OUT_OF_RANGE"] } });
    }
    expect(await fieldsOf(addToCart(cart, { planId: onSale.id, quantity: 10_000 }))).toMatchObject({ fields: { quantity: ["QUANTITY_OUT_OF_RANGE"] } });
    expect(cart).toEqual(before);
  });

  it("holds a bounded number of plans", async () => {
    const full: Cart = { lines: Array.from({ length: MAX_CART_LINES }, () => ({ planId: newId("plan"), quantity: 1 })), promoCode: null, useWallet: false };
    const extra = await planOnSale();
    expect(await fieldsOf(addToCart(full, { planId: extra.id, quantity: 1 }))).toMatchObject({ fields: { planId: ["TOO_MANY_LINES"] } });
  });

  it("updates and removes lines; a plan not in the cart cannot be updated", async () => {
    const plan = await planOnSale();
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 1 }], promoCode: "SAVE-10", useWallet: false };
    expect(updateCartLine(cart, { planId: plan.id, quantity: "7" }).lines).toEqual([{ planId: plan.id, quantity: 7 }]);
    expect(await fieldsOf(() => updateCartLine(cart, { planId: newId("plan"), quantity: 1 }))).toMatchObject({ fields: { planId: ["NOT_IN_CART"] } });
    expect(await fieldsOf(() => updateCartLine(cart, { planId: plan.id, quantity: 0 }))).toMatchObject({ fields: { quantity: ["QUANTITY_OUT_OF_RANGE"] } });
    // The last line gone takes the promo code with it.
    expect(removeCartLine(cart, { planId: plan.id })).toEqual({ lines: [], promoCode: null, useWallet: false });
    expect(await fieldsOf(() => removeCartLine(cart, { planId: 42 }))).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("applies a promo code only when it applies, with the reason code when it does not, redeeming nothing", async () => {
    const plan = await planOnSale();
    const cart: Cart = { lines: [{ planId: plan.id, quantity: 2 }], promoCode: null, useWallet: false };
    const ok = await createPromoCode();
    const ended = await createPromoCode({ endsAt: new Date(Date.now() - 60_000) });
    const usedUp = await createPromoCode({ maxRedemptions: 1, redemptionCount: 1 });
    const input = { cart, currency: "USD", userId: null, locale: "en" };
    expect(await applyPromoCode({ ...input, promoCode: ok.code.toLowerCase() })).toEqual({ ...cart, promoCode: ok.code });
    expect(await fieldsOf(applyPromoCode({ ...input, promoCode: ended.code }))).toMatchObject({ fields: { promoCode: ["ENDED"] } });
    expect(await fieldsOf(applyPromoCode({ ...input, promoCode: usedUp.code }))).toMatchObject({ fields: { promoCode: ["GLOBAL_LIMIT_REACHED"] } });
    expect(await fieldsOf(applyPromoCode({ ...input, promoCode: "NO-SUCH-CODE" }))).toMatchObject({ fields: { promoCode: ["UNKNOWN_PROMO_CODE"] } });
    expect(await fieldsOf(applyPromoCode({ ...input, promoCode: "x" }))).toMatchObject({ fields: { promoCode: ["INVALID_PROMO_CODE"] } });
    expect(await fieldsOf(applyPromoCode({ ...input, promoCode: { $ne: 1 } }))).toMatchObject({ fields: { promoCode: ["INVALID_PROMO_CODE"] } });
    expect(await fieldsOf(applyPromoCode({ ...input, cart: EMPTY_CART, promoCode: ok.code }))).toMatchObject({ fields: { promoCode: ["CART_EMPTY"] } });
    expect(await db.promoRedemption.count()).toBe(0);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: ok.id } })).redemptionCount).toBe(0);
  });

  it("uses the wallet only for a signed-in customer with a balance in the currency", async () => {
    const user = await createUser();
    const cart: Cart = { lines: [], promoCode: null, useWallet: false };
    expect(await fieldsOf(setCartWallet({ cart, userId: null, currency: "USD", useWallet: "on" }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await fieldsOf(setCartWallet({ cart, userId: user.id, currency: "USD", useWallet: "on" }))).toMatchObject({ fields: { useWallet: ["NO_WALLET_BALANCE"] } });
    expect(await fieldsOf(setCartWallet({ cart, userId: user.id, currency: "USD", useWallet: "yes please" }))).toMatchObject({ fields: { useWallet: ["INVALID"] } });
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 500n, idempotencyKey: `test-${user.id}` });
    expect(await setCartWallet({ cart, userId: user.id, currency: "USD", useWallet: "on" })).toMatchObject({ useWallet: true });
    expect(await setCartWallet({ cart: { ...cart, useWallet: true }, userId: user.id, currency: "USD", useWallet: undefined })).toMatchObject({ useWallet: false });
  });

  it("prices what can be sold and names the reason for what cannot", async () => {
    const good = await planOnSale({ priceMinor: 1999n });
    const gone = await planOnSale({ active: false });
    const ended = await createPromoCode({ endsAt: new Date(Date.now() - 60_000) });
    const priced = await priceCart({
      cart: { lines: [{ planId: gone.id, quantity: 1 }, { planId: good.id, quantity: 3 }], promoCode: ended.code, useWallet: true },
      currency: "USD", userId: null, locale: "en",
    });
    expect(priced.lines.map((l) => [l.planId, l.issue])).toEqual([[gone.id, "PLAN_INACTIVE"], [good.id, null]]);
    expect(priced.promoIssue).toBe("ENDED");
    expect(priced.quote?.quote.totals.totalMinor).toBe(5997n);
    // A visitor's quote never takes from a wallet.
    expect(priced.quote?.quote.totals.walletMinor).toBe(0n);
    expect(priced.complete).toBe(false);
  });
});
