import { BP_SCALE, convertMoney, divideRounded, type Money, type RateTable } from "@/lib/money";

// Display prices for catalog pages, by the same rules the quote uses: the plan's own price in the
// currency, else its base-currency price converted (rounded half up once). A cart's amounts are
// never computed here; they come from the server's quote.

/** The unit price of a plan in `currency`, or null when it has neither a price there nor a convertible base price. */
export function unitPriceIn(prices: readonly Money[], currency: string, rates: RateTable): (Money & { converted: boolean }) | null {
  const own = prices.find((p) => p.currency === currency);
  if (own) return { amountMinor: own.amountMinor, currency, converted: false };
  const base = prices.find((p) => p.currency === rates.base);
  if (!base) return null;
  try {
    return { ...convertMoney(base, currency, rates, "halfUp"), converted: true };
  } catch {
    return null; // no exchange rate to this currency
  }
}

/** What one seat costs inside a volume tier with `discountBp` off (rounded half up). */
export function tierUnitPrice(unitPriceMinor: bigint, discountBp: number): bigint {
  return divideRounded(unitPriceMinor * (BP_SCALE - BigInt(discountBp)), BP_SCALE, "halfUp");
}
