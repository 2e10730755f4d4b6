import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { basisPointsOf } from "@/lib/money";
import type { PromoRule } from "@/lib/promo/evaluate-promo";
import { computeQuote, type Quote, type QuoteContext } from "./quote";
import type { QuoteRequest } from "./schemas";
import { normalizeTiers, type VolumeTier } from "./volume-tiers";

// Property: for random prices, tiers, promo codes, tax rates and wallet balances, adding a seat
// never lowers the total or the amount due. A code with a minimum order is refused (not silently
// dropped) below its minimum, and once a quantity reaches the minimum every larger one does too,
// so for one request the quotes that exist only ever cost more. Run with PRICING_SEED=<n> to replay.

const SEED = Number(process.env.PRICING_SEED) || Date.now() % 2 ** 31;

/** mulberry32: small, fast, seedable. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Scenario = { context: QuoteContext; request: (quantity: number) => QuoteRequest; describe: string };

function randomScenario(rand: () => number): Scenario {
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const currency = pick(["USD", "EUR", "JPY", "KWD"] as const);
  const unit = rand() < 0.1 ? 0n : BigInt(int(1, 250_000));
  const tiers: VolumeTier[] = [];
  const mins = new Set<number>();
  for (let i = int(0, 4); i > 0; i--) mins.add(int(1, 60));
  for (const minQuantity of mins) tiers.push({ minQuantity, discountBp: rand() < 0.1 ? 10_000 : int(0, 9_999) });
  const listed = rand() < 0.5;
  const plans = [
    { id: "pln_main", productId: "prd_main", name: "Main", active: true, prices: [{ currency: listed ? currency : "USD", amountMinor: unit }] },
    { id: "pln_side", productId: "prd_side", name: "Side", active: true, prices: [{ currency, amountMinor: BigInt(int(0, 50_000)) }, { currency: "USD", amountMinor: 999n }] },
  ];
  const withSide = rand() < 0.5;
  const kind = pick(["none", "PERCENT", "FIXED"] as const);
  const rule: PromoRule | null = kind === "none" ? null : {
    code: "PROP", kind, percentBp: kind === "PERCENT" ? int(1, 10_000) : null, amounts: kind === "FIXED" ? { [currency]: int(0, 400_000) } : null,
    startsAt: null, endsAt: null, maxRedemptions: null, redemptionCount: 0, perCustomerLimit: null,
    minOrderMinor: rand() < 0.3 ? BigInt(int(0, 3_000_000)) : null, minOrderCurrency: pick([null, "USD", currency]), firstPurchaseOnly: false, resetPeriod: "NONE", periodStartedAt: null, active: true,
    productIds: pick(withSide ? [[], ["prd_main"], ["prd_side"]] : [[], ["prd_main"]]),
  };
  const sideQuantity = int(1, 5);
  const useWallet = rand() < 0.5;
  const context: QuoteContext = {
    plans,
    volumeTiers: tiers.map((t) => ({ ...t, productId: "prd_main" })),
    rates: { base: "USD", rates: { EUR: `0.${int(1, 9999)}`, JPY: `${int(80, 200)}.${int(0, 99)}`, KWD: `0.${int(1000, 4000)}` } },
    promo: rule ? { rule, customer: { redemptionCount: 0, paidOrderCount: 0 } } : null,
    walletBalanceMinor: BigInt(int(0, 1_000_000)),
    taxRateBp: rand() < 0.3 ? 0 : int(0, 3000),
    now: new Date("2026-12-02T00:00:00Z"),
  };
  const request = (quantity: number): QuoteRequest => ({
    currency,
    lines: [{ planId: "pln_main", quantity }, ...(withSide ? [{ planId: "pln_side", quantity: sideQuantity }] : [])],
    promoCode: rule ? "PROP" : undefined,
    useWallet,
  });
  const describe = JSON.stringify({ currency, unit: String(unit), listed, tiers, kind, rule: rule && { ...rule, minOrderMinor: String(rule.minOrderMinor) }, withSide, useWallet, tax: context.taxRateBp, wallet: String(context.walletBalanceMinor) });
  return { context, request, describe };
}

function checkInvariants(q: Quote, label: string) {
  const sum = (pick: (l: Quote["lines"][number]) => bigint) => q.lines.reduce((a, l) => a + pick(l), 0n);
  const t = q.totals;
  expect(sum((l) => l.totalMinor), label).toBe(t.totalMinor);
  expect(sum((l) => l.taxMinor), label).toBe(t.taxMinor);
  expect(sum((l) => l.promoDiscountMinor), label).toBe(t.promoDiscountMinor);
  expect(t.subtotalMinor - t.discountMinor + t.taxMinor, label).toBe(t.totalMinor);
  for (const l of q.lines) {
    expect(l.volumeDiscountMinor >= 0n && l.promoDiscountMinor >= 0n, label).toBe(true);
    expect(l.promoDiscountMinor <= l.listMinor - l.volumeDiscountMinor, label).toBe(true);
    expect(l.totalMinor >= 0n, label).toBe(true);
  }
  expect(t.walletMinor >= 0n && t.walletMinor <= t.totalMinor && t.dueMinor === t.totalMinor - t.walletMinor, label).toBe(true);
}

describe("totals never go backwards as quantity rises", () => {
  it(`holds for random tiers, prices, promos, tax and wallet (seed ${SEED})`, () => {
    const rand = prng(SEED);
    let crossedMinimum = 0;
    for (let round = 0; round < 150; round++) {
      const scenario = randomScenario(rand);
      const label = `seed ${SEED}, round ${round}: ${scenario.describe}`;
      let previous: Quote | null = null;
      let refused = false;
      const quantities = [...Array.from({ length: 70 }, (_, i) => i + 1), 9_998, 9_999, 10_000];
      for (const quantity of quantities) {
        let quote: Quote;
        try {
          quote = computeQuote({ request: scenario.request(quantity), context: scenario.context }).quote;
        } catch (e) {
          const belowMinimum = e instanceof AppError && e.fields?.promoCode?.[0] === "MIN_ORDER_NOT_MET";
          expect(belowMinimum && previous === null, `${label}, quantity ${quantity}: ${String(e)}`).toBe(true);
          refused = true;
          continue;
        }
        checkInvariants(quote, `${label}, quantity ${quantity}`);
        if (refused && !previous) crossedMinimum++;
        if (previous) {
          const at = `${label}, quantity ${quantity} vs the quantity before`;
          expect(quote.totals.totalMinor >= previous.totals.totalMinor, `${at}: total ${quote.totals.totalMinor} < ${previous.totals.totalMinor}`).toBe(true);
          expect(quote.totals.dueMinor >= previous.totals.dueMinor, `${at}: due fell`).toBe(true);
        }
        previous = quote;
      }
    }
    // the runs are not vacuous: some codes went from refused to applied as seats were added
    expect(crossedMinimum, `seed ${SEED}`).toBeGreaterThan(0);
  });

  it("would catch all-units tiers, which make more seats cheaper (the check can fail)", () => {
    // The same check against the rule we rejected: every seat at the discount of the highest tier reached.
    const allUnits = (unit: bigint, quantity: number, tiers: readonly VolumeTier[]) => {
      const bp = normalizeTiers(tiers).filter((t) => t.minQuantity <= quantity).at(-1)?.discountBp ?? 0;
      const list = unit * BigInt(quantity);
      return list - basisPointsOf(list, bp, "floor");
    };
    const rand = prng(SEED);
    let counterexample: string | null = null;
    for (let round = 0; round < 200 && !counterexample; round++) {
      const unit = BigInt(1 + Math.floor(rand() * 100_000));
      const tiers = [{ minQuantity: 2 + Math.floor(rand() * 30), discountBp: 500 + Math.floor(rand() * 9_500) }];
      for (let q = 2; q <= 40 && !counterexample; q++) {
        if (allUnits(unit, q, tiers) < allUnits(unit, q - 1, tiers)) counterexample = `unit ${unit}, ${JSON.stringify(tiers)}, ${q} seats`;
      }
    }
    expect(counterexample, `seed ${SEED}`).not.toBeNull();
  });
});
