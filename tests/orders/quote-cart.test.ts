import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { quoteCart } from "@/lib/checkout/quote-cart";
import { createPendingOrderFor, createPromoCode, createUser } from "../support/factories";
import { checkoutCounts, createPricedPlan, failure, fundWallet } from "./support";

describe("quoteCart", () => {
  it("prices a cart from the catalog: volume tier, promo, wallet, with a stable hash", async () => {
    const user = await createUser();
    const { plan, product } = await createPricedPlan({ prices: { USD: 1000n }, tiers: [{ minQuantity: 5, discountBp: 1000 }] });
    const promo = await createPromoCode({});
    await fundWallet(user.id, 700n);

    const q = await quoteCart({ userId: user.id, currency: "usd", lines: [{ planId: plan.id, quantity: 6 }], promoCode: promo.code.toLowerCase(), useWallet: true });
    // 4 seats at 10.00 and 2 seats (5th and 6th) at 9.00 = 58.00; 10 % promo = 5.80; wallet 7.00.
    expect(q.quote.currency).toBe("USD");
    expect(q.quote.lines[0]).toMatchObject({ planId: plan.id, productId: product.id, quantity: 6, unitPriceMinor: 1000n, listMinor: 6000n, volumeDiscountMinor: 200n, promoDiscountMinor: 580n });
    expect(q.quote.totals).toMatchObject({ subtotalMinor: 6000n, discountMinor: 780n, totalMinor: 5220n, walletMinor: 700n, dueMinor: 4520n });
    expect(q.promoCodeId).toBe(promo.id);
    expect(q.quoteHash).toMatch(/^[0-9a-f]{64}$/);
    expect(q.snapshot.totals.totalMinor).toBe("5220");

    const again = await quoteCart({ userId: user.id, currency: "USD", lines: [{ planId: plan.id, quantity: 6 }], promoCode: promo.code, useWallet: true });
    expect(again.quoteHash).toBe(q.quoteHash);

    // A price change on the server changes the hash.
    await db.price.updateMany({ where: { planId: plan.id, currency: "USD" }, data: { amountMinor: 1100n } });
    const changed = await quoteCart({ userId: user.id, currency: "USD", lines: [{ planId: plan.id, quantity: 6 }], promoCode: promo.code, useWallet: true });
    expect(changed.quoteHash).not.toBe(q.quoteHash);
  });

  it("converts the base price through the rate table when the plan has no price in the currency", async () => {
    const { plan } = await createPricedPlan({ prices: { USD: 1999n } });
    await db.exchangeRate.create({ data: { baseCurrency: "USD", quoteCurrency: "EUR", rateNum: 9215n, rateDen: 10000n } });
    const q = await quoteCart({ userId: null, currency: "EUR", lines: [{ planId: plan.id, quantity: 1 }] });
    expect(q.quote.lines[0]).toMatchObject({ priceSource: "converted", unitPriceMinor: 1842n }); // 19.99 × 0.9215 = 18.4208
    const jpy = await failure(quoteCart({ userId: null, currency: "JPY", lines: [{ planId: plan.id, quantity: 1 }] }));
    expect(jpy.fields).toEqual({ "lines.0.planId": ["NO_PRICE"] });
  });

  it("a visitor's quote takes nothing from any wallet and counts no customer usage", async () => {
    const { plan } = await createPricedPlan({ prices: { USD: 1000n } });
    const q = await quoteCart({ userId: null, currency: "USD", lines: [{ planId: plan.id, quantity: 2 }], useWallet: true });
    expect(q.quote.totals).toMatchObject({ totalMinor: 2000n, walletMinor: 0n, dueMinor: 2000n });
    expect(q.promoCodeId).toBeNull();
  });

  it("answers every line problem with a reason code per field", async () => {
    const { plan } = await createPricedPlan();
    const { plan: retired } = await createPricedPlan({ active: false });
    const { plan: hidden } = await createPricedPlan({ productActive: false });
    const err = await failure(quoteCart({
      userId: null, currency: "USD",
      lines: [
        { planId: `pln_${"0".repeat(26)}`, quantity: 1 }, { planId: retired.id, quantity: 1 }, { planId: hidden.id, quantity: 1 },
        { planId: plan.id, quantity: 0 },
      ],
    }));
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.fields).toEqual({
      "lines.0.planId": ["UNKNOWN_PLAN"], "lines.1.planId": ["PLAN_INACTIVE"], "lines.2.planId": ["PLAN_INACTIVE"], "lines.3.quantity": ["QUANTITY_OUT_OF_RANGE"],
    });
    for (const quantity of [1.5, 10_001, -1]) {
      expect((await failure(quoteCart({ userId: null, currency: "USD", lines: [{ planId: plan.id, quantity }] }))).fields).toEqual({ "lines.0.quantity": ["QUANTITY_OUT_OF_RANGE"] });
    }
    expect((await failure(quoteCart({ userId: null, currency: "USD", lines: [{ planId: plan.id, quantity: 1 }, { planId: plan.id, quantity: 2 }] }))).fields).toEqual({ "lines.1.planId": ["DUPLICATE_LINE"] });
    expect((await failure(quoteCart({ userId: null, currency: "XYZ", lines: [{ planId: plan.id, quantity: 1 }] }))).fields).toEqual({ currency: ["UNKNOWN_CURRENCY"] });
    expect((await failure(quoteCart({ userId: null, currency: "USD", lines: [] }))).fields).toEqual({ lines: ["NO_LINES"] });
  });

  it("rejects malformed input before reading anything", async () => {
    const before = await checkoutCounts();
    const cases: unknown[] = [
      null, {}, { userId: "usr_nope", currency: "USD", lines: [] },
      { userId: null, currency: "USD", lines: "pln_x" },
      { userId: null, currency: "USD", lines: [{ planId: 5, quantity: 1 }] },
      { userId: null, currency: "USD", lines: [{ planId: "pln_x", quantity: "2" }] },
      { userId: null, currency: "USD", lines: [{ planId: "pln_x", quantity: 1 }], promoCode: "no spaces!" },
      { userId: null, currency: "USD", lines: [{ planId: "pln_x", quantity: 1 }], useWallet: "yes" },
      { userId: null, currency: "USD", lines: Array.from({ length: 21 }, (_, i) => ({ planId: `pln_${i}`, quantity: 1 })) },
    ];
    for (const input of cases) {
      const err = await failure(quoteCart(input as never));
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(err.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(await checkoutCounts()).toEqual(before);
  });

  it("answers promo problems with the promo reason", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan();
    const line = [{ planId: plan.id, quantity: 1 }];
    expect((await failure(quoteCart({ userId: user.id, currency: "USD", lines: line, promoCode: "NO-SUCH-CODE" }))).fields).toEqual({ promoCode: ["UNKNOWN_PROMO_CODE"] });
    const ended = await createPromoCode({ endsAt: new Date(Date.now() - 1000) });
    expect((await failure(quoteCart({ userId: user.id, currency: "USD", lines: line, promoCode: ended.code }))).fields).toEqual({ promoCode: ["ENDED"] });
    const full = await createPromoCode({ maxRedemptions: 1, redemptionCount: 1 });
    expect((await failure(quoteCart({ userId: user.id, currency: "USD", lines: line, promoCode: full.code }))).fields).toEqual({ promoCode: ["GLOBAL_LIMIT_REACHED"] });

    const once = await createPromoCode({ perCustomerLimit: 1 });
    const order = await createPendingOrderFor(user.id);
    await db.promoRedemption.create({ data: { id: newId("redemption"), promoCodeId: once.id, userId: user.id, orderId: order.id } });
    expect((await failure(quoteCart({ userId: user.id, currency: "USD", lines: line, promoCode: once.code }))).fields).toEqual({ promoCode: ["CUSTOMER_LIMIT_REACHED"] });
    // Another customer may still use it.
    const other = await createUser();
    expect((await quoteCart({ userId: other.id, currency: "USD", lines: line, promoCode: once.code })).promoCodeId).toBe(once.id);
  });
});
