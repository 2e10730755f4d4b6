import { describe, expect, it } from "vitest";
import type { RateTable } from "@/lib/money";
import { evaluatePromo, PROMO_REASONS, type PromoCart, type PromoCustomer, type PromoReason, type PromoRule } from "./evaluate-promo";

const now = new Date("2026-12-02T12:00:00Z");
const rates: RateTable = { base: "USD", rates: { EUR: "0.9", JPY: "150", KWD: "0.3" } };

function promo(overrides: Partial<PromoRule> = {}): PromoRule {
  return {
    code: "SAVE10", kind: "PERCENT", percentBp: 1000, amounts: null, startsAt: null, endsAt: null,
    maxRedemptions: null, redemptionCount: 0, perCustomerLimit: null, minOrderMinor: null, minOrderCurrency: null,
    firstPurchaseOnly: false, resetPeriod: "NONE", periodStartedAt: null, active: true, productIds: [], ...overrides,
  };
}
const customer: PromoCustomer = { redemptionCount: 0, paidOrderCount: 0 };
const cart: PromoCart = { currency: "USD", lines: [{ productId: "prd_a", amountMinor: 4999n }, { productId: "prd_b", amountMinor: 1001n }] };

function evaluate(p: Partial<PromoRule>, overrides: { customer?: Partial<PromoCustomer>; cart?: PromoCart; now?: Date } = {}) {
  return evaluatePromo({ promo: promo(p), customer: { ...customer, ...overrides.customer }, cart: overrides.cart ?? cart, rates, now: overrides.now ?? now });
}
function reasonOf(p: Partial<PromoRule>, overrides: Parameters<typeof evaluate>[1] = {}): PromoReason | "OK" {
  const result = evaluate(p, overrides);
  return result.ok ? "OK" : result.reason;
}

describe("evaluatePromo: discounts", () => {
  it("takes a percentage of the eligible lines, rounded down", () => {
    const r = evaluate({ percentBp: 1250 });
    expect(r).toMatchObject({ ok: true, eligibleMinor: 6000n, discountMinor: 750n, eligibleLines: [true, true] });
    // 12.5 % of 49.99 = 6.24875 → 6.24
    expect(evaluate({ percentBp: 1250, productIds: ["prd_a"] })).toMatchObject({ ok: true, eligibleMinor: 4999n, discountMinor: 624n, eligibleLines: [true, false] });
  });

  it("gives everything at 100 % and never more", () => {
    expect(evaluate({ percentBp: 10_000 })).toMatchObject({ ok: true, discountMinor: 6000n });
  });

  it("takes a fixed amount per currency, capped at the eligible amount", () => {
    const fixed = { kind: "FIXED" as const, percentBp: null, amounts: { USD: 500, EUR: "450", JPY: 700n } };
    expect(evaluate(fixed)).toMatchObject({ ok: true, discountMinor: 500n });
    expect(evaluate({ ...fixed, amounts: { USD: 100_000 } })).toMatchObject({ ok: true, discountMinor: 6000n, eligibleMinor: 6000n });
    expect(evaluate({ ...fixed, productIds: ["prd_b"], amounts: { USD: 5000 } })).toMatchObject({ ok: true, discountMinor: 1001n });
    const jpyCart: PromoCart = { currency: "JPY", lines: [{ productId: "prd_a", amountMinor: 7500n }] };
    expect(evaluate(fixed, { cart: jpyCart })).toMatchObject({ ok: true, discountMinor: 700n });
  });

  it("applies to a free cart with a zero discount", () => {
    const free: PromoCart = { currency: "USD", lines: [{ productId: "prd_a", amountMinor: 0n }] };
    expect(evaluate({}, { cart: free })).toMatchObject({ ok: true, discountMinor: 0n, eligibleMinor: 0n });
  });
});

describe("evaluatePromo: every reason", () => {
  it("INACTIVE", () => {
    expect(reasonOf({ active: false })).toBe("INACTIVE");
  });

  it("INVALID_CONFIGURATION", () => {
    expect(reasonOf({ percentBp: null })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ percentBp: 0 })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ percentBp: 10_001 })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ percentBp: 12.5 })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ kind: "FIXED", amounts: null })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ kind: "FIXED", amounts: { USD: -1 } })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ kind: "FIXED", amounts: { USD: 1.5 } })).toBe("INVALID_CONFIGURATION");
    expect(reasonOf({ kind: "FIXED", amounts: { USD: "5.00" } })).toBe("INVALID_CONFIGURATION");
  });

  it("NOT_STARTED and ENDED, with an inclusive start and an exclusive end", () => {
    expect(reasonOf({ startsAt: new Date(now.getTime() + 1) })).toBe("NOT_STARTED");
    expect(reasonOf({ startsAt: now })).toBe("OK");
    expect(reasonOf({ endsAt: now })).toBe("ENDED");
    expect(reasonOf({ endsAt: new Date(now.getTime() + 1) })).toBe("OK");
  });

  it("GLOBAL_LIMIT_REACHED, unless the period reset is due", () => {
    expect(reasonOf({ maxRedemptions: 5, redemptionCount: 5 })).toBe("GLOBAL_LIMIT_REACHED");
    expect(reasonOf({ maxRedemptions: 5, redemptionCount: 4 })).toBe("OK");
    expect(reasonOf({ maxRedemptions: 0 })).toBe("GLOBAL_LIMIT_REACHED");
    const monthly = { maxRedemptions: 5, redemptionCount: 5, resetPeriod: "MONTHLY" as const };
    expect(reasonOf({ ...monthly, periodStartedAt: new Date("2026-12-01T00:00:00Z") })).toBe("GLOBAL_LIMIT_REACHED");
    const reset = evaluate({ ...monthly, periodStartedAt: new Date("2026-11-01T00:00:00Z") });
    expect(reset).toMatchObject({ ok: true, period: { due: true, periodStart: new Date("2026-12-01T00:00:00Z") } });
  });

  it("CUSTOMER_LIMIT_REACHED", () => {
    expect(reasonOf({ perCustomerLimit: 1 }, { customer: { redemptionCount: 1 } })).toBe("CUSTOMER_LIMIT_REACHED");
    expect(reasonOf({ perCustomerLimit: 2 }, { customer: { redemptionCount: 1 } })).toBe("OK");
  });

  it("FIRST_PURCHASE_ONLY", () => {
    expect(reasonOf({ firstPurchaseOnly: true }, { customer: { paidOrderCount: 1 } })).toBe("FIRST_PURCHASE_ONLY");
    expect(reasonOf({ firstPurchaseOnly: true })).toBe("OK");
    expect(reasonOf({}, { customer: { paidOrderCount: 3 } })).toBe("OK");
  });

  it("PRODUCT_NOT_ELIGIBLE", () => {
    expect(reasonOf({ productIds: ["prd_other"] })).toBe("PRODUCT_NOT_ELIGIBLE");
  });

  it("CURRENCY_NOT_SUPPORTED for a fixed code without that currency or an unconvertible minimum", () => {
    expect(reasonOf({ kind: "FIXED", amounts: { EUR: 500 } })).toBe("CURRENCY_NOT_SUPPORTED");
    expect(reasonOf({ minOrderMinor: 100n, minOrderCurrency: "CHF" })).toBe("CURRENCY_NOT_SUPPORTED");
    const gbpCart: PromoCart = { currency: "GBP", lines: [{ productId: "prd_a", amountMinor: 100n }] };
    expect(reasonOf({ minOrderMinor: 100n, minOrderCurrency: "USD" }, { cart: gbpCart })).toBe("CURRENCY_NOT_SUPPORTED");
  });

  it("MIN_ORDER_NOT_MET on the whole cart, in any currency, converted upwards", () => {
    expect(reasonOf({ minOrderMinor: 6001n, minOrderCurrency: "USD" })).toBe("MIN_ORDER_NOT_MET");
    expect(reasonOf({ minOrderMinor: 6000n, minOrderCurrency: "USD" })).toBe("OK");
    expect(reasonOf({ minOrderMinor: 6000n, productIds: ["prd_a"] })).toBe("OK"); // null currency = base (USD)
    // €54.00 at 0.9 = $60.00 exactly
    expect(reasonOf({ minOrderMinor: 5400n, minOrderCurrency: "EUR" })).toBe("OK");
    // €54.01 = $60.0111… → $60.02 needed
    expect(reasonOf({ minOrderMinor: 5401n, minOrderCurrency: "EUR" })).toBe("MIN_ORDER_NOT_MET");
    // 18.000 KWD = $60.00; a JPY cart of ¥9000 = $60.00
    const jpyCart: PromoCart = { currency: "JPY", lines: [{ productId: "prd_a", amountMinor: 9000n }] };
    expect(reasonOf({ minOrderMinor: 18_000n, minOrderCurrency: "KWD" }, { cart: jpyCart })).toBe("OK");
    expect(reasonOf({ minOrderMinor: 18_001n, minOrderCurrency: "KWD" }, { cart: jpyCart })).toBe("MIN_ORDER_NOT_MET");
  });

  it("covers every reason code in the list", () => {
    const seen = new Set<string>([
      reasonOf({ active: false }), reasonOf({ percentBp: null }), reasonOf({ startsAt: new Date(now.getTime() + 1) }),
      reasonOf({ endsAt: now }), reasonOf({ maxRedemptions: 0 }), reasonOf({ perCustomerLimit: 0 }),
      reasonOf({ firstPurchaseOnly: true }, { customer: { paidOrderCount: 1 } }), reasonOf({ productIds: ["x"] }),
      reasonOf({ kind: "FIXED", amounts: {} }), reasonOf({ minOrderMinor: 10n ** 9n }),
    ]);
    expect([...seen].sort()).toEqual([...PROMO_REASONS].sort());
  });
});
