import { AppError, type FieldErrors } from "@/lib/errors";
import { allocate, basisPointsOf, conversionRatio, divideRounded, isCurrencyCode, type RateTable } from "@/lib/money";
import { evaluatePromo, type PromoCustomer, type PromoEvaluation, type PromoRule } from "@/lib/promo/evaluate-promo";
import { hashSnapshot, QUOTE_SNAPSHOT_VERSION, serialize, type Serialized } from "./quote-snapshot";
import { MAX_QUANTITY, MAX_QUOTE_LINES, MIN_QUANTITY, type QuoteRequest } from "./schemas";
import { priceWithVolumeTiers, type TierBand, type VolumeTier } from "./volume-tiers";

// The one place a price is computed. Order of operations, each rounded once and explicitly:
//   unit price (catalog price in the currency, else the base price converted, half up)
//   → graduated volume tiers per line (half up) → one promo code on the eligible lines (percent
//   rounded down, fixed capped at the eligible amount), spread over those lines by largest
//   remainder → tax on the discounted amount (half up), spread the same way → wallet, up to the
//   balance and never more than the total. Lines always sum exactly to the totals.
// Storing it: Order.{subtotal,discount,tax,wallet,total}Minor = totals.*; OrderItem.unitPriceMinor,
// discountMinor (volume + promo) and totalMinor (tax included) = the line's; Order.quote = snapshot.

export const QUOTE_ERRORS = [
  "UNKNOWN_CURRENCY", "NO_LINES", "TOO_MANY_LINES", "DUPLICATE_LINE", "QUANTITY_OUT_OF_RANGE",
  "UNKNOWN_PLAN", "NO_PRICE", "UNKNOWN_PROMO_CODE",
] as const;
export type QuoteErrorCode = (typeof QUOTE_ERRORS)[number];

export type QuotePlan = {
  id: string;
  productId: string;
  name: string;
  active: boolean;
  prices: readonly { currency: string; amountMinor: bigint }[];
};

export type QuoteContext = {
  /** The plans the request names (others are ignored). */
  plans: readonly QuotePlan[];
  volumeTiers: readonly (VolumeTier & { productId: string })[];
  /** Exchange rates; `rates.base` is the currency base prices are kept in. */
  rates: RateTable;
  /** The stored promo code the request names, with this customer's usage; null when none matched. */
  promo: { rule: PromoRule; customer: PromoCustomer } | null;
  /** The customer's wallet balance in the request currency. */
  walletBalanceMinor: bigint;
  /** Tax rate in basis points, 0 when no tax applies. */
  taxRateBp: number;
  now: Date;
};

export type QuoteLine = {
  planId: string;
  productId: string;
  planName: string;
  quantity: number;
  unitPriceMinor: bigint;
  /** "list": the plan's price in this currency; "converted": its base price through `rate`. */
  priceSource: "list" | "converted";
  /** Minor-unit conversion ratio applied to the base price ("num/den"), null for list prices. */
  rate: string | null;
  tierBands: TierBand[];
  promoEligible: boolean;
  listMinor: bigint;
  volumeDiscountMinor: bigint;
  promoDiscountMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
};

export type QuoteTotals = {
  subtotalMinor: bigint;
  volumeDiscountMinor: bigint;
  promoDiscountMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  /** subtotal − discount + tax: what the order costs (Order.totalMinor). */
  totalMinor: bigint;
  /** Paid from the wallet (Order.walletMinor). */
  walletMinor: bigint;
  /** Left to pay through a gateway: total − wallet. */
  dueMinor: bigint;
};

export type Quote = {
  version: number;
  currency: string;
  baseCurrency: string;
  taxRateBp: number;
  lines: QuoteLine[];
  promo: { code: string; kind: PromoRule["kind"]; percentBp: number | null; eligibleMinor: bigint; discountMinor: bigint } | null;
  totals: QuoteTotals;
};

export type QuoteSnapshot = Serialized<Quote>;

export type ComputedQuote = {
  quote: Quote;
  /** What the order stores in Order.quote. */
  snapshot: QuoteSnapshot;
  /** Stable hash of the snapshot; a changed hash means the customer saw a stale quote. */
  hash: string;
  /** The promo evaluation (with the reset state the redemption must apply), null without a code. */
  promoEvaluation: Extract<PromoEvaluation, { ok: true }> | null;
};

function fail(fields: FieldErrors, message: string): never {
  throw new AppError("VALIDATION_FAILED", message, { fields });
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

type PricedLine = Pick<QuoteLine, "planId" | "productId" | "planName" | "quantity" | "unitPriceMinor" | "priceSource" | "rate">;

function resolveLines(request: QuoteRequest, context: QuoteContext): PricedLine[] {
  const { currency, lines } = request;
  if (!isCurrencyCode(currency)) fail({ currency: ["UNKNOWN_CURRENCY"] }, `Unknown currency ${currency}.`);
  if (lines.length === 0) fail({ lines: ["NO_LINES"] }, "A quote needs at least one line.");
  if (lines.length > MAX_QUOTE_LINES) fail({ lines: ["TOO_MANY_LINES"] }, `At most ${MAX_QUOTE_LINES} lines.`);
  const plans = new Map(context.plans.filter((p) => p.active).map((p) => [p.id, p]));
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  const priced: PricedLine[] = [];
  lines.forEach((line, i) => {
    const add = (key: string, code: QuoteErrorCode) => (fields[`lines.${i}.${key}`] ??= []).push(code);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < MIN_QUANTITY || line.quantity > MAX_QUANTITY) add("quantity", "QUANTITY_OUT_OF_RANGE");
    if (seen.has(line.planId)) return add("planId", "DUPLICATE_LINE");
    seen.add(line.planId);
    const plan = plans.get(line.planId);
    if (!plan) return add("planId", "UNKNOWN_PLAN");
    const own = plan.prices.find((p) => p.currency === currency);
    const base = plan.prices.find((p) => p.currency === context.rates.base);
    const ratio = own || !base ? null : conversionRatio(context.rates, base.currency, currency);
    if (!own && !ratio) return add("planId", "NO_PRICE");
    const common = { planId: plan.id, productId: plan.productId, planName: plan.name, quantity: line.quantity };
    if (own) return void priced.push({ ...common, unitPriceMinor: own.amountMinor, priceSource: "list", rate: null });
    if (!base || !ratio) return;
    const g = gcd(ratio.num, ratio.den);
    priced.push({
      ...common,
      unitPriceMinor: divideRounded(base.amountMinor * ratio.num, ratio.den, "halfUp"),
      priceSource: "converted",
      rate: `${ratio.num / g}/${ratio.den / g}`,
    });
  });
  if (Object.keys(fields).length) fail(fields, "Some lines of the quote are invalid.");
  if (priced.some((l) => l.unitPriceMinor < 0n)) throw new AppError("INTERNAL", "A plan has a negative price.");
  return priced;
}

function applyPromo(request: QuoteRequest, context: QuoteContext, nets: { productId: string; amountMinor: bigint }[]) {
  if (!request.promoCode) return null;
  const promo = context.promo;
  if (!promo || promo.rule.code.toUpperCase() !== request.promoCode.toUpperCase()) {
    fail({ promoCode: ["UNKNOWN_PROMO_CODE"] }, "This promo code does not exist.");
  }
  const evaluation = evaluatePromo({
    promo: promo.rule, customer: promo.customer, cart: { currency: request.currency, lines: nets }, rates: context.rates, now: context.now,
  });
  if (!evaluation.ok) fail({ promoCode: [evaluation.reason] }, "This promo code cannot be applied to this order.");
  return evaluation;
}

/** Computes the quote for `request` from server-side `context`. Pure: no database, no clock. */
export function computeQuote(input: { request: QuoteRequest; context: QuoteContext }): ComputedQuote {
  const { request, context } = input;
  if (!Number.isSafeInteger(context.taxRateBp) || context.taxRateBp < 0 || context.taxRateBp > 10_000) {
    throw new AppError("INTERNAL", `Invalid tax rate ${context.taxRateBp} bp.`);
  }
  const priced = resolveLines(request, context);
  const tiered = priced.map((line) => {
    const tiers = context.volumeTiers.filter((t) => t.productId === line.productId);
    return priceWithVolumeTiers(line.unitPriceMinor, line.quantity, tiers);
  });

  const evaluation = applyPromo(request, context, priced.map((l, i) => ({ productId: l.productId, amountMinor: tiered[i]?.netMinor ?? 0n })));
  const promoWeights = tiered.map((t, i) => (evaluation?.eligibleLines[i] ? t.netMinor : 0n));
  const promoShares = allocate(evaluation?.discountMinor ?? 0n, promoWeights);
  const afterPromo = tiered.map((t, i) => t.netMinor - (promoShares[i] ?? 0n));
  const taxable = afterPromo.reduce((a, b) => a + b, 0n);
  const taxTotal = basisPointsOf(taxable, context.taxRateBp, "halfUp");
  const taxShares = allocate(taxTotal, afterPromo);

  const lines: QuoteLine[] = priced.map((line, i) => {
    const t = tiered[i] ?? { listMinor: 0n, netMinor: 0n, volumeDiscountMinor: 0n, bands: [] };
    const promoDiscountMinor = promoShares[i] ?? 0n;
    const taxMinor = taxShares[i] ?? 0n;
    return {
      ...line,
      tierBands: t.bands,
      promoEligible: evaluation?.eligibleLines[i] ?? false,
      listMinor: t.listMinor,
      volumeDiscountMinor: t.volumeDiscountMinor,
      promoDiscountMinor,
      discountMinor: t.volumeDiscountMinor + promoDiscountMinor,
      taxMinor,
      totalMinor: t.netMinor - promoDiscountMinor + taxMinor,
    };
  });

  const sum = (pick: (l: QuoteLine) => bigint) => lines.reduce((a, l) => a + pick(l), 0n);
  const totalMinor = sum((l) => l.totalMinor);
  const balance = context.walletBalanceMinor > 0n ? context.walletBalanceMinor : 0n;
  const walletMinor = request.useWallet ? (balance < totalMinor ? balance : totalMinor) : 0n;
  const rule = context.promo?.rule;
  const quote: Quote = {
    version: QUOTE_SNAPSHOT_VERSION,
    currency: request.currency,
    baseCurrency: context.rates.base,
    taxRateBp: context.taxRateBp,
    lines,
    promo: evaluation && rule
      ? { code: rule.code.toUpperCase(), kind: rule.kind, percentBp: rule.kind === "PERCENT" ? rule.percentBp : null, eligibleMinor: evaluation.eligibleMinor, discountMinor: evaluation.discountMinor }
      : null,
    totals: {
      subtotalMinor: sum((l) => l.listMinor),
      volumeDiscountMinor: sum((l) => l.volumeDiscountMinor),
      promoDiscountMinor: sum((l) => l.promoDiscountMinor),
      discountMinor: sum((l) => l.discountMinor),
      taxMinor: sum((l) => l.taxMinor),
      totalMinor,
      walletMinor,
      dueMinor: totalMinor - walletMinor,
    },
  };
  const snapshot = serialize(quote);
  return { quote, snapshot, hash: hashSnapshot(snapshot), promoEvaluation: evaluation };
}
