import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { quoteCart, type CartQuote } from "@/lib/checkout/quote-cart";
import type { QuoteLine } from "@/lib/pricing/quote";
import type { BillingInterval } from "@/lib/generated/prisma/enums";
import type { Cart } from "./schemas";

// The cart as the cart and checkout pages show it: every line with its product, the server's
// quote for the lines that can be sold, and the reason for those that cannot (a plan taken off
// sale, no price in this currency) or for a promo code that does not apply. Every amount shown
// comes from quoteCart; nothing here computes money.

export type PricedCartLine = {
  planId: string;
  quantity: number;
  productName: string;
  productSlug: string | null;
  planName: string;
  billingInterval: BillingInterval | null;
  /** Reason code the line cannot be bought (UNKNOWN_PLAN, PLAN_INACTIVE, NO_PRICE…), null when it can. */
  issue: string | null;
  priced: QuoteLine | null;
};

export type PricedCart = {
  currency: string;
  lines: PricedCartLine[];
  /** The quote of the lines that can be sold (with the promo code when it applies); null when none can. */
  quote: CartQuote | null;
  promoCode: string | null;
  /** Reason code the promo code does not apply, null when it does (or there is none). */
  promoIssue: string | null;
  /** True when the quote covers the whole cart as the customer asked for it: checkout may proceed. */
  complete: boolean;
};

type Issues = { lines: Map<string, string>; promo: string | null };

/** Splits quoteCart's field errors into per-plan and promo reasons; null when they are not about the cart. */
function readIssues(err: unknown, lines: Cart["lines"], into: Issues): boolean {
  if (!isAppError(err) || err.code !== "VALIDATION_FAILED" || !err.fields) return false;
  let found = false;
  for (const [key, codes] of Object.entries(err.fields)) {
    const code = codes[0] ?? "INVALID";
    const line = /^lines\.(\d+)\./.exec(key);
    const planId = line ? lines[Number(line[1])]?.planId : undefined;
    if (planId) {
      into.lines.set(planId, code);
      found = true;
    } else if (key === "promoCode") {
      into.promo = code;
      found = true;
    }
  }
  return found;
}

async function describePlans(planIds: string[], locale: string) {
  if (planIds.length === 0) return new Map<string, { productName: string; productSlug: string; planName: string; billingInterval: BillingInterval }>();
  const plans = await db.plan.findMany({
    where: { id: { in: planIds } },
    select: {
      id: true, name: true, billingInterval: true,
      product: { select: { slug: true, name: true, translations: { where: { locale }, select: { name: true } } } },
    },
  });
  return new Map(plans.map((p) => [p.id, {
    productName: p.product.translations[0]?.name ?? p.product.name, productSlug: p.product.slug, planName: p.name, billingInterval: p.billingInterval,
  }]));
}

/** Prices the cart for `userId` (null for a visitor) in `currency`, localized for `locale`. */
export async function priceCart(input: { cart: Cart; currency: string; userId: string | null; locale: string }): Promise<PricedCart> {
  const { cart, currency, userId, locale } = input;
  const issues: Issues = { lines: new Map(), promo: null };
  let quote: CartQuote | null = null;
  // Each retry drops what the previous attempt rejected; a cart has at most one promo code and a
  // bounded number of lines, and every retry removes at least one of them.
  for (let attempt = 0; attempt <= cart.lines.length + 1; attempt++) {
    const lines = cart.lines.filter((l) => !issues.lines.has(l.planId));
    if (lines.length === 0) break;
    const promoCode = cart.promoCode && !issues.promo ? cart.promoCode : undefined;
    try {
      quote = await quoteCart({ userId, currency, lines, promoCode, useWallet: cart.useWallet && userId !== null });
      break;
    } catch (err) {
      if (!readIssues(err, lines, issues)) throw err;
    }
  }
  const described = await describePlans(cart.lines.map((l) => l.planId), locale);
  const pricedLines = new Map((quote?.quote.lines ?? []).map((l) => [l.planId, l]));
  const lines: PricedCartLine[] = cart.lines.map((l) => {
    const d = described.get(l.planId);
    return {
      planId: l.planId, quantity: l.quantity,
      productName: d?.productName ?? "", productSlug: d?.productSlug ?? null, planName: d?.planName ?? "", billingInterval: d?.billingInterval ?? null,
      issue: issues.lines.get(l.planId) ?? (pricedLines.has(l.planId) ? null : "UNKNOWN_PLAN"),
      priced: pricedLines.get(l.planId) ?? null,
    };
  });
  return {
    currency, lines, quote, promoCode: cart.promoCode, promoIssue: issues.promo,
    complete: quote !== null && lines.every((l) => l.issue === null) && issues.promo === null,
  };
}
