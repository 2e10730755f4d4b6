import { db, type DbOrTx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/roles";
import { assertCatalogReader } from "./catalog-access";
import { formatRate, type Ratio } from "./decimal";
import { isKnownCurrency } from "./schemas";

export const BASE_CURRENCY_SETTING = "catalog.baseCurrency";
export const DEFAULT_BASE_CURRENCY = "USD";

/**
 * Units of each currency per one unit of `base` as exact ratios; the base itself is implicitly 1.
 * Structurally a `RateTable` of lib/money's pricing code ({ base, rates: Record<code, rate> }).
 */
export type CatalogRateTable = { base: string; rates: Record<string, Ratio> };

/** The catalog's base currency (Setting `catalog.baseCurrency`, USD when unset or unusable). */
export async function getBaseCurrency(client: DbOrTx = db): Promise<string> {
  const row = await client.setting.findUnique({ where: { key: BASE_CURRENCY_SETTING }, select: { value: true } });
  const value = row?.value;
  return typeof value === "string" && isKnownCurrency(value) ? value : DEFAULT_BASE_CURRENCY;
}

/** The rates for the current base currency, for pricing and conversion. */
export async function getRateTable(client: DbOrTx = db): Promise<CatalogRateTable> {
  const base = await getBaseCurrency(client);
  const rows = await client.exchangeRate.findMany({ where: { baseCurrency: base }, select: { quoteCurrency: true, rateNum: true, rateDen: true } });
  const rates: Record<string, Ratio> = {};
  for (const r of rows) if (r.rateNum > 0n && r.rateDen > 0n) rates[r.quoteCurrency] = { num: r.rateNum, den: r.rateDen };
  return { base, rates };
}

export type ExchangeRateRow = {
  quoteCurrency: string;
  rate: string;
  source: "MANUAL" | "FEED";
  updatedAt: Date;
  updatedBy: string | null;
};

/** Staff view of the rates for the current base currency, newest change first. */
export async function listExchangeRatesForAdmin(viewer: Viewer | null): Promise<{ base: string; rates: ExchangeRateRow[] }> {
  assertCatalogReader(viewer);
  const base = await getBaseCurrency();
  const rows = await db.exchangeRate.findMany({
    where: { baseCurrency: base },
    orderBy: { quoteCurrency: "asc" },
    select: { quoteCurrency: true, rateNum: true, rateDen: true, source: true, updatedAt: true, updatedBy: { select: { email: true } } },
  });
  return {
    base,
    rates: rows.map((r) => ({
      quoteCurrency: r.quoteCurrency, rate: formatRate({ num: r.rateNum, den: r.rateDen }), source: r.source,
      updatedAt: r.updatedAt, updatedBy: r.updatedBy?.email ?? null,
    })),
  };
}
