import type { PromoKind, ResetPeriod } from "@/lib/generated/prisma/enums";
import { basisPointsOf, convertMoney, rateFor, type RateTable } from "@/lib/money";
import { resolveResetPeriod, type ResetPeriodState } from "./reset-period";

// Pure eligibility of one promo code for one cart and customer. The checks run in a fixed order
// and the first failing one is the reason; the caller counts, locks and redeems (race-free) itself.

export const PROMO_REASONS = [
  "INACTIVE",
  "INVALID_CONFIGURATION",
  "NOT_STARTED",
  "ENDED",
  "GLOBAL_LIMIT_REACHED",
  "CUSTOMER_LIMIT_REACHED",
  "FIRST_PURCHASE_ONLY",
  "PRODUCT_NOT_ELIGIBLE",
  "CURRENCY_NOT_SUPPORTED",
  "MIN_ORDER_NOT_MET",
] as const;
export type PromoReason = (typeof PROMO_REASONS)[number];

/** The promo code as stored (PromoCode plus its product restriction). */
export type PromoRule = {
  code: string;
  kind: PromoKind;
  percentBp: number | null;
  /** FIXED: minor units per currency, as stored in JSON ({ "USD": 500 }). */
  amounts: Readonly<Record<string, unknown>> | null;
  startsAt: Date | null;
  /** Exclusive: the code stops working at this instant. */
  endsAt: Date | null;
  maxRedemptions: number | null;
  /** Global counter for the current reset period (all time for NONE). */
  redemptionCount: number;
  perCustomerLimit: number | null;
  minOrderMinor: bigint | null;
  /** Currency of `minOrderMinor`; null means the rate table's base currency. */
  minOrderCurrency: string | null;
  firstPurchaseOnly: boolean;
  resetPeriod: ResetPeriod;
  periodStartedAt: Date | null;
  active: boolean;
  /** Products the code applies to; empty means every product. */
  productIds: readonly string[];
};

export type PromoCustomer = {
  /** This customer's redemptions of this code: in the current period for periodic codes (as redeemPromoCode counts them), else all time. */
  redemptionCount: number;
  /** This customer's orders that were ever paid (for first-purchase-only codes). */
  paidOrderCount: number;
};

/** Cart lines after volume discounts, in the order currency. */
export type PromoCart = { currency: string; lines: readonly { productId: string; amountMinor: bigint }[] };

export type PromoEvaluation =
  | {
      ok: true;
      discountMinor: bigint;
      /** Sum of the lines the code applies to; the discount never exceeds it. */
      eligibleMinor: bigint;
      /** Per cart line: does the code apply to it. */
      eligibleLines: boolean[];
      /** Reset state of the global counter: when `due`, redeeming starts a new period. */
      period: ResetPeriodState;
    }
  | { ok: false; reason: PromoReason };

function fixedAmount(amounts: PromoRule["amounts"], currency: string): bigint | null | "invalid" {
  const raw = amounts?.[currency];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "bigint") return raw >= 0n ? raw : "invalid";
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 0 ? BigInt(raw) : "invalid";
  if (typeof raw === "string" && /^\d{1,30}$/.test(raw)) return BigInt(raw);
  return "invalid";
}

function isValidConfiguration(promo: PromoRule): boolean {
  if (promo.kind === "PERCENT") {
    return promo.percentBp !== null && Number.isSafeInteger(promo.percentBp) && promo.percentBp > 0 && promo.percentBp <= 10_000;
  }
  if (promo.amounts === null || typeof promo.amounts !== "object") return false;
  return Object.keys(promo.amounts).every((c) => fixedAmount(promo.amounts, c) !== "invalid");
}

export function evaluatePromo(input: {
  promo: PromoRule;
  customer: PromoCustomer;
  cart: PromoCart;
  rates: RateTable;
  now: Date;
}): PromoEvaluation {
  const { promo, customer, cart, rates, now } = input;
  const fail = (reason: PromoReason): PromoEvaluation => ({ ok: false, reason });

  if (!promo.active) return fail("INACTIVE");
  if (!isValidConfiguration(promo)) return fail("INVALID_CONFIGURATION");
  if (promo.startsAt && now.getTime() < promo.startsAt.getTime()) return fail("NOT_STARTED");
  if (promo.endsAt && now.getTime() >= promo.endsAt.getTime()) return fail("ENDED");

  const period = resolveResetPeriod({ resetPeriod: promo.resetPeriod, periodStartedAt: promo.periodStartedAt, now });
  const used = period.due ? 0 : promo.redemptionCount;
  if (promo.maxRedemptions !== null && used >= promo.maxRedemptions) return fail("GLOBAL_LIMIT_REACHED");
  if (promo.perCustomerLimit !== null && customer.redemptionCount >= promo.perCustomerLimit) return fail("CUSTOMER_LIMIT_REACHED");
  if (promo.firstPurchaseOnly && customer.paidOrderCount > 0) return fail("FIRST_PURCHASE_ONLY");

  const restricted = new Set(promo.productIds);
  const eligibleLines = cart.lines.map((l) => restricted.size === 0 || restricted.has(l.productId));
  if (!eligibleLines.some(Boolean)) return fail("PRODUCT_NOT_ELIGIBLE");
  const eligibleMinor = cart.lines.reduce((sum, l, i) => (eligibleLines[i] ? sum + l.amountMinor : sum), 0n);

  let fixed: bigint | null = null;
  if (promo.kind === "FIXED") {
    const amount = fixedAmount(promo.amounts, cart.currency);
    if (amount === null || amount === "invalid") return fail("CURRENCY_NOT_SUPPORTED");
    fixed = amount;
  }

  if (promo.minOrderMinor !== null) {
    const minCurrency = promo.minOrderCurrency ?? rates.base;
    if (minCurrency !== cart.currency && (!rateFor(rates, minCurrency) || !rateFor(rates, cart.currency))) {
      return fail("CURRENCY_NOT_SUPPORTED");
    }
    // Rounded up: a converted minimum is never easier to reach than the configured one.
    const minimum = convertMoney({ amountMinor: promo.minOrderMinor, currency: minCurrency }, cart.currency, rates, "ceil");
    const cartTotal = cart.lines.reduce((sum, l) => sum + l.amountMinor, 0n);
    if (cartTotal < minimum.amountMinor) return fail("MIN_ORDER_NOT_MET");
  }

  // Percent discounts round down; a fixed amount is capped at what it applies to.
  const raw = fixed ?? basisPointsOf(eligibleMinor, promo.percentBp ?? 0, "floor");
  const discountMinor = raw > eligibleMinor ? eligibleMinor : raw;
  return { ok: true, discountMinor, eligibleMinor, eligibleLines, period };
}
