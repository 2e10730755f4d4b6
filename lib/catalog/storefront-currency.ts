import { db, type DbOrTx } from "@/lib/db";
import { isCurrencyCode } from "@/lib/money";
import type { Locale } from "@/lib/i18n/locales";
import { getBaseCurrency } from "./exchange-rate-queries";

// Which currencies the storefront offers and which one a visitor sees: the one they chose (a
// cookie the caller reads), else the usual currency of their language when the store can price
// in it, else the store's base currency.

export const CURRENCY_COOKIE = "kf_currency";

const LOCALE_CURRENCY: Record<Locale, string> = {
  en: "USD", de: "EUR", fr: "EUR", es: "EUR", it: "EUR", pt: "EUR", nl: "EUR", sv: "SEK", da: "DKK",
  fi: "EUR", nb: "NOK", pl: "PLN", cs: "CZK", sk: "EUR", hu: "HUF", ro: "RON", bg: "EUR", el: "EUR",
  tr: "TRY", ru: "RUB", uk: "UAH", ka: "GEL", hy: "AMD", az: "AZN", kk: "KZT", uz: "UZS", ar: "AED",
  he: "ILS", fa: "IRR", ur: "PKR", hi: "INR", bn: "BDT", th: "THB", vi: "VND", id: "IDR", ms: "MYR",
  ja: "JPY", ko: "KRW", "zh-CN": "CNY", "zh-TW": "TWD", et: "EUR", lv: "EUR", lt: "EUR", sr: "RSD", hr: "EUR",
};

export type StoreCurrencies = { base: string; currencies: string[] };

/** The base currency, every currency it has an exchange rate to, and every currency a plan has a price in. */
export async function listStoreCurrencies(client: DbOrTx = db): Promise<StoreCurrencies> {
  const base = await getBaseCurrency(client);
  const [rates, prices] = await Promise.all([
    client.exchangeRate.findMany({ where: { baseCurrency: base, rateNum: { gt: 0n }, rateDen: { gt: 0n } }, select: { quoteCurrency: true } }),
    client.price.findMany({ where: { plan: { active: true, product: { active: true } } }, distinct: ["currency"], select: { currency: true } }),
  ]);
  const others = new Set([...rates.map((r) => r.quoteCurrency), ...prices.map((p) => p.currency)].filter((c) => c !== base && isCurrencyCode(c)));
  return { base, currencies: [base, ...[...others].sort()] };
}

/** The currency to show: `preferred` if offered, else the locale's usual one if offered, else the base. */
export function pickStoreCurrency(store: StoreCurrencies, preferred: string | undefined | null, locale: Locale): string {
  const offered = new Set(store.currencies);
  const wanted = preferred?.trim().toUpperCase();
  if (wanted && offered.has(wanted)) return wanted;
  const usual = LOCALE_CURRENCY[locale];
  return offered.has(usual) ? usual : store.base;
}
