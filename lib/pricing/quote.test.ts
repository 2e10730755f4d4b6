import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { PromoRule } from "@/lib/promo/evaluate-promo";
import { computeQuote, type QuoteContext } from "./quote";
import { quoteRequestSchema, type QuoteRequest, type QuoteRequestInput } from "./schemas";

const now = new Date("2026-12-02T12:00:00Z");

function context(overrides: Partial<QuoteContext> = {}): QuoteContext {
  return {
    plans: [
      { id: "pln_pro", productId: "prd_app", name: "Pro", active: true, prices: [{ currency: "USD", amountMinor: 4900n }, { currency: "EUR", amountMinor: 4500n }] },
      { id: "pln_lite", productId: "prd_tool", name: "Lite", active: true, prices: [{ currency: "USD", amountMinor: 1999n }] },
      { id: "pln_free", productId: "prd_tool", name: "Free", active: true, prices: [{ currency: "USD", amountMinor: 0n }] },
      { id: "pln_old", productId: "prd_app", name: "Old", active: false, prices: [{ currency: "USD", amountMinor: 100n }] },
      { id: "pln_eur", productId: "prd_app", name: "Euro only", active: true, prices: [{ currency: "EUR", amountMinor: 100n }] },
    ],
    volumeTiers: [{ productId: "prd_app", minQuantity: 5, discountBp: 1000 }, { productId: "prd_app", minQuantity: 20, discountBp: 2000 }],
    rates: { base: "USD", rates: { EUR: "0.92", JPY: "151.37", KWD: "0.3071" } },
    promo: null,
    walletBalanceMinor: 0n,
    taxRateBp: 0,
    now,
    ...overrides,
  };
}

function promoRule(overrides: Partial<PromoRule> = {}): PromoRule {
  return {
    code: "SAVE", kind: "PERCENT", percentBp: 1000, amounts: null, startsAt: null, endsAt: null, maxRedemptions: null,
    redemptionCount: 0, perCustomerLimit: null, minOrderMinor: null, minOrderCurrency: null, firstPurchaseOnly: false,
    resetPeriod: "NONE", periodStartedAt: null, active: true, productIds: [], ...overrides,
  };
}
const withPromo = (overrides: Partial<PromoRule> = {}) => ({ promo: { rule: promoRule(overrides), customer: { redemptionCount: 0, paidOrderCount: 0 } } });

function quote(request: QuoteRequestInput, overrides: Partial<QuoteContext> = {}) {
  return computeQuote({ request: quoteRequestSchema.parse(request), context: context(overrides) });
}
describe("computeQuote: lines and tiers", () => {
  it("prices unit × seats in the requested currency", () => {
    const { quote: q } = quote({ currency: "usd", lines: [{ planId: "pln_pro", quantity: 3 }] });
    expect(q.lines[0]).toMatchObject({ unitPriceMinor: 4900n, priceSource: "list", rate: null, quantity: 3, listMinor: 14700n, totalMinor: 14700n });
    expect(q.totals).toEqual({
      subtotalMinor: 14700n, volumeDiscountMinor: 0n, promoDiscountMinor: 0n, discountMinor: 0n, taxMinor: 0n,
      totalMinor: 14700n, walletMinor: 0n, dueMinor: 14700n,
    });
    expect(quote({ currency: "EUR", lines: [{ planId: "pln_pro", quantity: 1 }] }).quote.totals.totalMinor).toBe(4500n);
  });

  it("applies graduated tiers of the line's product at the boundaries", () => {
    const total = (quantity: number) => quote({ currency: "USD", lines: [{ planId: "pln_pro", quantity }] }).quote.totals;
    expect(total(4)).toMatchObject({ subtotalMinor: 19600n, volumeDiscountMinor: 0n, totalMinor: 19600n });
    expect(total(5)).toMatchObject({ subtotalMinor: 24500n, volumeDiscountMinor: 490n, totalMinor: 24010n });
    expect(total(19).totalMinor).toBe(19600n + 15n * 4410n);
    expect(total(20).totalMinor).toBe(19600n + 15n * 4410n + 3920n);
    expect(total(21).totalMinor).toBeGreaterThan(total(20).totalMinor);
    // tiers of another product do not apply
    expect(quote({ currency: "USD", lines: [{ planId: "pln_lite", quantity: 30 }] }).quote.totals.volumeDiscountMinor).toBe(0n);
  });

  it("converts the base price where the plan has no price in the currency (JPY 0, KWD 3 decimals)", () => {
    const jpy = quote({ currency: "JPY", lines: [{ planId: "pln_pro", quantity: 2 }] }).quote;
    // $49.00 × 151.37 = ¥7417.13 → ¥7417 per seat
    expect(jpy.lines[0]).toMatchObject({ unitPriceMinor: 7417n, priceSource: "converted", listMinor: 14834n });
    expect(jpy.lines[0]?.rate).toBe("15137/10000");
    const kwd = quote({ currency: "KWD", lines: [{ planId: "pln_lite", quantity: 1 }] }).quote;
    // $19.99 × 0.3071 = 6.138929 KWD → 6.139
    expect(kwd.lines[0]).toMatchObject({ unitPriceMinor: 6139n, priceSource: "converted", rate: "3071/1000" }); // 1 cent = 3.071 fils
    expect(kwd.totals.totalMinor).toBe(6139n);
  });

  it("prices a free plan at zero with every discount, tax and wallet", () => {
    const q = quote({ currency: "USD", lines: [{ planId: "pln_free", quantity: 10 }], promoCode: "save", useWallet: true },
      { ...withPromo({ percentBp: 10_000 }), taxRateBp: 2000, walletBalanceMinor: 500n }).quote;
    expect(q.totals).toEqual({
      subtotalMinor: 0n, volumeDiscountMinor: 0n, promoDiscountMinor: 0n, discountMinor: 0n, taxMinor: 0n,
      totalMinor: 0n, walletMinor: 0n, dueMinor: 0n,
    });
    expect(q.promo).toMatchObject({ code: "SAVE", discountMinor: 0n });
  });
});

describe("computeQuote: promo, tax and wallet", () => {
  const cart = [{ planId: "pln_pro", quantity: 1 }, { planId: "pln_lite", quantity: 1 }];

  it("spreads a percent discount over the eligible lines so lines sum exactly", () => {
    const q = quote({ currency: "USD", lines: cart, promoCode: "SAVE" }, withPromo({ percentBp: 3333 })).quote;
    // 33.33 % of 68.99 = 22.994… → 22.99, split 4900 : 1999 by largest remainder
    expect(q.totals.promoDiscountMinor).toBe(2299n);
    expect(q.lines.map((l) => l.promoDiscountMinor)).toEqual([1633n, 666n]);
    expect(q.totals.totalMinor).toBe(6899n - 2299n);
    expect(q.lines.reduce((a, l) => a + l.totalMinor, 0n)).toBe(q.totals.totalMinor);
  });

  it("gives 100 % off down to zero, tax included", () => {
    const q = quote({ currency: "USD", lines: cart, promoCode: "SAVE" }, { ...withPromo({ percentBp: 10_000 }), taxRateBp: 1900 }).quote;
    expect(q.totals).toMatchObject({ promoDiscountMinor: 6899n, taxMinor: 0n, totalMinor: 0n, dueMinor: 0n });
  });

  it("caps a fixed amount larger than the subtotal at the eligible lines", () => {
    const fixed = withPromo({ kind: "FIXED", percentBp: null, amounts: { USD: 100_000 }, productIds: ["prd_tool"] });
    const q = quote({ currency: "USD", lines: cart, promoCode: "SAVE" }, fixed).quote;
    expect(q.lines.map((l) => [l.promoEligible, l.promoDiscountMinor, l.totalMinor])).toEqual([[false, 0n, 4900n], [true, 1999n, 0n]]);
    expect(q.promo).toEqual({ code: "SAVE", kind: "FIXED", percentBp: null, eligibleMinor: 1999n, discountMinor: 1999n });
    const all = quote({ currency: "USD", lines: cart, promoCode: "SAVE" }, withPromo({ kind: "FIXED", percentBp: null, amounts: { USD: 100_000 } })).quote;
    expect(all.totals).toMatchObject({ promoDiscountMinor: 6899n, totalMinor: 0n });
  });

  it("applies the promo after volume tiers", () => {
    const q = quote({ currency: "USD", lines: [{ planId: "pln_pro", quantity: 5 }], promoCode: "SAVE" }, withPromo({ percentBp: 1000 })).quote;
    expect(q.totals).toMatchObject({ subtotalMinor: 24500n, volumeDiscountMinor: 490n, promoDiscountMinor: 2401n, discountMinor: 2891n, totalMinor: 21609n });
  });

  it("adds tax on the discounted amount, rounded half up and spread over lines", () => {
    const q = quote({ currency: "USD", lines: cart, promoCode: "SAVE" }, { ...withPromo({ percentBp: 1000 }), taxRateBp: 1900 }).quote;
    // net 68.99 − 6.89 = 62.10; 19 % = 11.799 → 11.80
    expect(q.totals).toMatchObject({ promoDiscountMinor: 689n, taxMinor: 1180n, totalMinor: 6210n + 1180n });
    expect(q.lines.reduce((a, l) => a + l.taxMinor, 0n)).toBe(1180n);
    expect(q.lines.reduce((a, l) => a + l.totalMinor, 0n)).toBe(q.totals.totalMinor);
    expect(q.lines.map((l) => l.listMinor - l.discountMinor + l.taxMinor)).toEqual(q.lines.map((l) => l.totalMinor));
  });

  it("uses the wallet up to the balance and never more than the total", () => {
    const r = { currency: "USD", lines: cart, useWallet: true };
    expect(quote(r, { walletBalanceMinor: 1000n }).quote.totals).toMatchObject({ totalMinor: 6899n, walletMinor: 1000n, dueMinor: 5899n });
    expect(quote(r, { walletBalanceMinor: 100_000n }).quote.totals).toMatchObject({ totalMinor: 6899n, walletMinor: 6899n, dueMinor: 0n });
    expect(quote(r, { walletBalanceMinor: -50n }).quote.totals).toMatchObject({ walletMinor: 0n, dueMinor: 6899n });
    expect(quote({ ...r, useWallet: false }, { walletBalanceMinor: 100_000n }).quote.totals).toMatchObject({ walletMinor: 0n, dueMinor: 6899n });
  });
});

describe("computeQuote: errors with field paths", () => {
  const one = [{ planId: "pln_pro", quantity: 1 }];
  function rawError(request: Partial<QuoteRequest>, overrides: Partial<QuoteContext> = {}): AppError {
    try {
      computeQuote({ request: { currency: "USD", lines: one, useWallet: false, ...request }, context: context(overrides) });
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error("expected an AppError");
  }

  it("rejects an unknown currency", () => {
    const e = rawError({ currency: "XYZ" });
    expect([e.code, e.fields]).toEqual(["VALIDATION_FAILED", { currency: ["UNKNOWN_CURRENCY"] }]);
  });

  it("rejects a plan without a price in the currency nor a convertible base price", () => {
    expect(rawError({ currency: "CHF" }).fields).toEqual({ "lines.0.planId": ["NO_PRICE"] }); // no CHF rate
    expect(rawError({ currency: "JPY", lines: [{ planId: "pln_eur", quantity: 1 }] }).fields).toEqual({ "lines.0.planId": ["NO_PRICE"] }); // no base price
    expect(quote({ currency: "EUR", lines: [{ planId: "pln_eur", quantity: 1 }] }).quote.totals.totalMinor).toBe(100n);
  });

  it("rejects unknown and inactive plans, duplicates and quantities out of range, all at once", () => {
    const e = rawError({
      lines: [{ planId: "pln_nope", quantity: 1 }, { planId: "pln_old", quantity: 1 }, { planId: "pln_pro", quantity: 0 },
        { planId: "pln_pro", quantity: 2 }, { planId: "pln_lite", quantity: 10_001 }, { planId: "pln_free", quantity: 1.5 }],
    });
    expect(e.fields).toEqual({
      "lines.0.planId": ["UNKNOWN_PLAN"], "lines.1.planId": ["UNKNOWN_PLAN"], "lines.2.quantity": ["QUANTITY_OUT_OF_RANGE"],
      "lines.3.planId": ["DUPLICATE_LINE"], "lines.4.quantity": ["QUANTITY_OUT_OF_RANGE"], "lines.5.quantity": ["QUANTITY_OUT_OF_RANGE"],
    });
    expect(rawError({ lines: [] }).fields).toEqual({ lines: ["NO_LINES"] });
    expect(rawError({ lines: Array.from({ length: 21 }, (_, i) => ({ planId: `pln_${i}`, quantity: 1 })) }).fields).toEqual({ lines: ["TOO_MANY_LINES"] });
  });

  it("rejects a promo code that does not exist, or does not apply, with the reason", () => {
    expect(rawError({ promoCode: "SAVE" }).fields).toEqual({ promoCode: ["UNKNOWN_PROMO_CODE"] });
    expect(rawError({ promoCode: "OTHER" }, withPromo()).fields).toEqual({ promoCode: ["UNKNOWN_PROMO_CODE"] });
    expect(rawError({ promoCode: "SAVE" }, withPromo({ minOrderMinor: 5000n })).fields).toEqual({ promoCode: ["MIN_ORDER_NOT_MET"] });
    expect(rawError({ promoCode: "SAVE" }, withPromo({ productIds: ["prd_tool"] })).fields).toEqual({ promoCode: ["PRODUCT_NOT_ELIGIBLE"] });
    expect(rawError({ promoCode: "SAVE" }, withPromo({ endsAt: now })).fields).toEqual({ promoCode: ["ENDED"] });
    // a promo in the context is ignored when the request names none
    expect(quote({ currency: "USD", lines: one }, withPromo()).quote.promo).toBeNull();
  });

  it("refuses a misconfigured tax rate or tier as an internal error", () => {
    expect(rawError({}, { taxRateBp: -1 }).code).toBe("INTERNAL");
    expect(rawError({}, { taxRateBp: 10_001 }).code).toBe("INTERNAL");
    expect(rawError({}, { volumeTiers: [{ productId: "prd_app", minQuantity: 0, discountBp: 10 }] }).code).toBe("INTERNAL");
  });
});

describe("computeQuote: snapshot and hash", () => {
  const request = { currency: "USD", lines: [{ planId: "pln_pro", quantity: 5 }, { planId: "pln_lite", quantity: 2 }], promoCode: "SAVE", useWallet: true };
  const overrides = { ...withPromo(), taxRateBp: 700, walletBalanceMinor: 1234n };

  it("is plain JSON with money as strings, and no timestamps", () => {
    const { snapshot } = quote(request, overrides);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.totals.totalMinor).toMatch(/^\d+$/);
    expect(snapshot.lines[0]?.unitPriceMinor).toBe("4900");
    expect(JSON.stringify(snapshot)).not.toMatch(/2026-/);
  });

  it("hashes the same prices the same way, whatever the order of the inputs or the time", () => {
    const a = quote(request, overrides);
    const reordered = context(overrides);
    const b = computeQuote({
      request: quoteRequestSchema.parse(request),
      context: { ...reordered, plans: [...reordered.plans].reverse(), volumeTiers: [...reordered.volumeTiers].reverse(), now: new Date("2026-12-03T00:00:00Z") },
    });
    expect(b.hash).toBe(a.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes the hash when anything the customer pays changes", () => {
    const base = quote(request, overrides).hash;
    expect(quote(request, { ...overrides, walletBalanceMinor: 1235n }).hash).not.toBe(base);
    expect(quote(request, { ...overrides, taxRateBp: 701 }).hash).not.toBe(base);
    expect(quote({ ...request, lines: [{ planId: "pln_pro", quantity: 6 }, { planId: "pln_lite", quantity: 2 }] }, overrides).hash).not.toBe(base);
    const cheaper = context(overrides);
    cheaper.plans = cheaper.plans.map((p) => (p.id === "pln_lite" ? { ...p, prices: [{ currency: "USD", amountMinor: 1998n }] } : p));
    expect(computeQuote({ request: quoteRequestSchema.parse(request), context: cheaper }).hash).not.toBe(base);
  });
});
