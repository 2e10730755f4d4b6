import { formatMoney } from "@/lib/money";
import type { CartQuote } from "@/lib/checkout/quote-cart";

// The totals of a server quote as display strings, for the cart, checkout and a changed-quote
// answer of the pay action (plain strings cross to the browser; bigints do not).

export type QuoteSummary = {
  currency: string;
  subtotal: string;
  volumeDiscount: string | null;
  promoDiscount: string | null;
  promoCode: string | null;
  tax: string | null;
  total: string;
  wallet: string | null;
  due: string;
  /** Nothing is left to pay through a gateway (wallet or a 100 % promo covers it). */
  nothingDue: boolean;
  lines: { planId: string; planName: string; quantity: number; total: string; discount: string | null }[];
};

export function toQuoteSummary(quoted: CartQuote, locale: string): QuoteSummary {
  const { quote } = quoted;
  const c = quote.currency;
  const money = (v: bigint) => formatMoney(v, c, locale);
  const unlessZero = (v: bigint) => (v > 0n ? money(v) : null);
  const t = quote.totals;
  return {
    currency: c,
    subtotal: money(t.subtotalMinor),
    volumeDiscount: unlessZero(t.volumeDiscountMinor),
    promoDiscount: unlessZero(t.promoDiscountMinor),
    promoCode: quote.promo?.code ?? null,
    tax: unlessZero(t.taxMinor),
    total: money(t.totalMinor),
    wallet: unlessZero(t.walletMinor),
    due: money(t.dueMinor),
    nothingDue: t.dueMinor === 0n,
    lines: quote.lines.map((l) => ({ planId: l.planId, planName: l.planName, quantity: l.quantity, total: money(l.totalMinor), discount: unlessZero(l.discountMinor) })),
  };
}
