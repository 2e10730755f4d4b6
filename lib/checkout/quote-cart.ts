import { db, type DbOrTx } from "@/lib/db";
import { AppError, isAppError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { getRateTable } from "@/lib/catalog/exchange-rate-queries";
import { computeQuote, type ComputedQuote, type QuoteContext, type QuotePlan } from "@/lib/pricing/quote";
import type { PromoCustomer, PromoRule } from "@/lib/promo/evaluate-promo";
import { currentPeriod } from "@/lib/promo/reset-period";
import { quoteCartSchema, type QuoteCartInput } from "./schemas";

// The server's quote for a cart: loads what computeQuote needs (plans with their prices, volume
// tiers, exchange rates, the named promo code with this customer's usage, the wallet balance)
// and prices the cart. The hash is what checkout compares to detect that the customer saw a stale
// quote. Errors are VALIDATION_FAILED with reason codes per field (`lines.0.planId`:
// ["UNKNOWN_PLAN"], `promoCode`: ["GLOBAL_LIMIT_REACHED"], …).

/** No tax is configured in Keyfront yet: prices are tax-inclusive. */
export const TAX_RATE_BP = 0;

const PAID_STATUSES = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED"] as const;

export type CartQuote = ComputedQuote & {
  /** Same as `hash`: the value the customer sends back with createOrder. */
  quoteHash: string;
  /** The promo code row the quote applied, null without a code. */
  promoCodeId: string | null;
};

type LoadedPlan = QuotePlan & { exists: true; planActive: boolean; productActive: boolean };

async function loadPlans(client: DbOrTx, planIds: string[]): Promise<LoadedPlan[]> {
  if (planIds.length === 0) return [];
  const rows = await client.plan.findMany({
    where: { id: { in: planIds } },
    select: {
      id: true, productId: true, name: true, active: true,
      product: { select: { active: true } },
      prices: { select: { currency: true, amountMinor: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id, productId: p.productId, name: p.name, prices: p.prices,
    active: p.active && p.product.active, exists: true, planActive: p.active, productActive: p.product.active,
  }));
}

async function loadPromo(client: DbOrTx, code: string | undefined, userId: string | null, now: Date) {
  if (!code) return null;
  const promo = await client.promoCode.findUnique({ where: { code }, include: { products: { select: { productId: true } } } });
  if (!promo) return null;
  const rule: PromoRule = {
    code: promo.code, kind: promo.kind, percentBp: promo.percentBp,
    amounts: promo.amounts !== null && typeof promo.amounts === "object" && !Array.isArray(promo.amounts) ? (promo.amounts as Record<string, unknown>) : null,
    startsAt: promo.startsAt, endsAt: promo.endsAt, maxRedemptions: promo.maxRedemptions, redemptionCount: promo.redemptionCount,
    perCustomerLimit: promo.perCustomerLimit, minOrderMinor: promo.minOrderMinor, minOrderCurrency: promo.minOrderCurrency,
    firstPurchaseOnly: promo.firstPurchaseOnly, resetPeriod: promo.resetPeriod, periodStartedAt: promo.periodStartedAt,
    active: promo.active, productIds: promo.products.map((p) => p.productId),
  };
  let customer: PromoCustomer = { redemptionCount: 0, paidOrderCount: 0 };
  if (userId) {
    // Counted as redeemPromoCode counts them: per period for periodic codes.
    const period = promo.resetPeriod === "NONE" ? null : currentPeriod(promo.resetPeriod, now);
    const [redemptionCount, paidOrderCount] = await Promise.all([
      client.promoRedemption.count({ where: { promoCodeId: promo.id, userId, ...(period ? { createdAt: { gte: period.start } } : {}) } }),
      client.order.count({ where: { userId, OR: [{ paidAt: { not: null } }, { status: { in: [...PAID_STATUSES] } }] } }),
    ]);
    customer = { redemptionCount, paidOrderCount };
  }
  return { id: promo.id, rule, customer };
}

async function walletBalance(client: DbOrTx, userId: string | null, currency: string, useWallet: boolean): Promise<bigint> {
  if (!userId || !useWallet || !/^[A-Z]{3}$/.test(currency)) return 0n;
  const wallet = await client.wallet.findUnique({ where: { userId_currency: { userId, currency } }, select: { balanceMinor: true } });
  return wallet?.balanceMinor ?? 0n;
}

/** computeQuote says UNKNOWN_PLAN for plans it may not sell; tell an inactive one apart. */
function explainInactivePlans(err: unknown, lines: { planId: string }[], plans: LoadedPlan[]): unknown {
  if (!isAppError(err) || err.code !== "VALIDATION_FAILED" || !err.fields) return err;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const fields: FieldErrors = {};
  for (const [key, codes] of Object.entries(err.fields)) {
    const line = /^lines\.(\d+)\.planId$/.exec(key);
    const plan = line ? byId.get(lines[Number(line[1])]?.planId ?? "") : undefined;
    fields[key] = plan && !plan.active ? codes.map((c) => (c === "UNKNOWN_PLAN" ? "PLAN_INACTIVE" : c)) : codes;
  }
  return new AppError("VALIDATION_FAILED", err.message, { fields });
}

/**
 * Prices a cart on the server. `userId` null prices for a visitor (no wallet, no customer usage
 * of the promo code). Reads only: nothing is reserved until createOrder.
 */
export async function quoteCart(input: QuoteCartInput, client: DbOrTx = db): Promise<CartQuote> {
  const v = parseInput(quoteCartSchema, input);
  const now = v.now ?? new Date();
  const planIds = [...new Set(v.lines.map((l) => l.planId))];
  const [plans, rates, promo, balance] = await Promise.all([
    loadPlans(client, planIds),
    getRateTable(client),
    loadPromo(client, v.promoCode, v.userId, now),
    walletBalance(client, v.userId, v.currency, v.useWallet),
  ]);
  const productIds = [...new Set(plans.map((p) => p.productId))];
  const volumeTiers = productIds.length
    ? await client.volumeTier.findMany({ where: { productId: { in: productIds } }, select: { productId: true, minQuantity: true, discountBp: true } })
    : [];
  const context: QuoteContext = {
    plans, volumeTiers, rates,
    promo: promo ? { rule: promo.rule, customer: promo.customer } : null,
    walletBalanceMinor: balance, taxRateBp: TAX_RATE_BP, now,
  };
  let computed: ComputedQuote;
  try {
    computed = computeQuote({
      request: { currency: v.currency, lines: v.lines, promoCode: v.promoCode, useWallet: v.useWallet },
      context,
    });
  } catch (err) {
    throw explainInactivePlans(err, v.lines, plans);
  }
  return { ...computed, quoteHash: computed.hash, promoCodeId: computed.quote.promo && promo ? promo.id : null };
}
