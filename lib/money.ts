import { AppError } from "@/lib/errors";

// Money is an integer count of minor units plus an ISO 4217 code. Floats never hold money: every
// operation below is bigint arithmetic with one explicit rounding step.
export type Money = { amountMinor: bigint; currency: string };

// Active ISO 4217 currency codes (funds codes included; precious metals and test codes excluded).
export const CURRENCY_CODES = [
  "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
  "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE",
  "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP",
  "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
  "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
  "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
  "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV",
  "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR",
  "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
  "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
  "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND",
  "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];
const KNOWN = new Set<string>(CURRENCY_CODES);

// Minor-unit exponents that differ from 2.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** True for an upper-case active ISO 4217 code ("USD"), false for "usd", "XXX" or "ABC". */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return KNOWN.has(code);
}

/** Exact decimal string of a minor-unit amount: 12345n USD → "123.45", 500n JPY → "500". */
export function toDecimalString(amountMinor: bigint, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exp + 1, "0");
  const whole = exp ? digits.slice(0, -exp) : digits;
  const frac = exp ? `.${digits.slice(-exp)}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/** Formats for display with Intl, from the exact decimal string (no float rounding). */
export function formatMoney(amountMinor: bigint, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const nf = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: exp, maximumFractionDigits: exp });
  return nf.format(toDecimalString(amountMinor, currency) as unknown as number);
}

// ─────────────── rounding ───────────────

export const ROUNDING_MODES = ["floor", "ceil", "halfUp", "halfEven"] as const;
/** floor/ceil toward −∞/+∞; halfUp rounds ties away from zero; halfEven rounds ties to even. */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** numerator / denominator as an integer, rounded once with `mode`. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new AppError("INTERNAL", "Division by zero in money arithmetic.");
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  if (mode === "floor") return numerator < 0n ? q - 1n : q;
  if (mode === "ceil") return numerator < 0n ? q : q + 1n;
  if (numerator < 0n) return -divideRounded(-numerator, denominator, mode);
  const twice = 2n * r;
  if (twice > denominator) return q + 1n;
  if (twice < denominator) return q;
  return mode === "halfUp" || q % 2n === 1n ? q + 1n : q;
}

export const BP_SCALE = 10_000n;

/** `bp` basis points of `amountMinor` (2500 bp = 25 %), rounded once with `mode`. */
export function basisPointsOf(amountMinor: bigint, bp: number | bigint, mode: RoundingMode): bigint {
  if (typeof bp === "number" && !Number.isSafeInteger(bp)) throw new AppError("INTERNAL", `Basis points must be an integer, got ${bp}.`);
  return divideRounded(amountMinor * BigInt(bp), BP_SCALE, mode);
}

// ─────────────── allocation ───────────────

/**
 * Splits `amountMinor` over `weights` in proportion, by largest remainder: every share is the
 * floor of its exact part, and the units left over go one each to the largest remainders, ties
 * to the lower index. The shares always sum exactly to the amount. All-zero weights split evenly.
 */
export function allocate(amountMinor: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new AppError("INTERNAL", "Cannot allocate over zero weights.");
  if (weights.some((w) => w < 0n)) throw new AppError("INTERNAL", "Allocation weights must not be negative.");
  if (amountMinor < 0n) return allocate(-amountMinor, weights).map((s) => -s);
  const total = weights.reduce((a, w) => a + w, 0n);
  const effective = total === 0n ? weights.map(() => 1n) : weights;
  const sum = total === 0n ? BigInt(weights.length) : total;
  const shares = effective.map((w) => (amountMinor * w) / sum);
  let left = amountMinor - shares.reduce((a, s) => a + s, 0n);
  const order = effective
    .map((w, index) => ({ index, remainder: (amountMinor * w) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares;
}

// ─────────────── parsing ───────────────

const DECIMAL = /^(-)?(\d{1,30})(?:\.(\d{1,30}))?$/;

/**
 * Parses a decimal string ("12.34", "500", "1.250") into minor units of `currency`. Rejects
 * anything that is not a plain decimal, more fraction digits than the currency has (trailing
 * zeros excepted) and, unless allowed, negatives. Errors carry `field` as their path.
 */
export function parseMinorUnits(
  text: string,
  currency: string,
  options: { allowNegative?: boolean; field?: string } = {},
): bigint {
  const field = options.field ?? "amount";
  const fail = (reason: string) => new AppError("VALIDATION_FAILED", "Invalid amount.", { fields: { [field]: [reason] } });
  const match = DECIMAL.exec(text.trim());
  if (!match) throw fail("INVALID_AMOUNT");
  const [, minus, whole = "", fraction = ""] = match;
  const exp = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > exp) throw fail("TOO_MANY_DECIMALS");
  const value = BigInt(whole + significant.padEnd(exp, "0"));
  if (minus && value !== 0n && !options.allowNegative) throw fail("NEGATIVE_AMOUNT");
  return minus ? -value : value;
}

// ─────────────── exchange rates ───────────────

/** An exact rate: a decimal string ("0.9215") or an integer ratio. */
export type ExchangeRate = string | { num: bigint; den: bigint };
export type Ratio = { num: bigint; den: bigint };

/**
 * Units of each currency per one unit of `base` (major units): { base: "USD", rates: { EUR: "0.92",
 * JPY: "151.4" } } reads "1 USD = 0.92 EUR = 151.4 JPY". The base itself is implicitly 1.
 */
export type RateTable = { base: string; rates: Readonly<Record<string, ExchangeRate>> };

const RATE_DECIMAL = /^(\d{1,20})(?:\.(\d{1,20}))?$/;

/** Normalizes a rate to a positive integer ratio; throws on zero, negatives or malformed text. */
export function toRatio(rate: ExchangeRate): Ratio {
  let ratio: Ratio;
  if (typeof rate === "string") {
    const match = RATE_DECIMAL.exec(rate.trim());
    if (!match) throw new AppError("VALIDATION_FAILED", "Invalid exchange rate.", { fields: { rate: ["INVALID_RATE"] } });
    const fraction = match[2] ?? "";
    ratio = { num: BigInt((match[1] ?? "") + fraction), den: 10n ** BigInt(fraction.length) };
  } else {
    ratio = rate;
  }
  if (ratio.num <= 0n || ratio.den <= 0n) throw new AppError("VALIDATION_FAILED", "Exchange rates must be positive.", { fields: { rate: ["INVALID_RATE"] } });
  return ratio;
}

/** The rate of `currency` against the table's base, or null when the table does not know it. */
export function rateFor(table: RateTable, currency: string): Ratio | null {
  if (currency === table.base) return { num: 1n, den: 1n };
  const rate = table.rates[currency];
  return rate === undefined ? null : toRatio(rate);
}

/** Ratio turning minor units of `from` into minor units of `to` (exponents included), or null. */
export function conversionRatio(table: RateTable, from: string, to: string): Ratio | null {
  const a = rateFor(table, from);
  const b = rateFor(table, to);
  if (!a || !b) return null;
  const expDiff = currencyExponent(to) - currencyExponent(from);
  const scale = 10n ** BigInt(Math.abs(expDiff));
  return {
    num: b.num * a.den * (expDiff > 0 ? scale : 1n),
    den: b.den * a.num * (expDiff < 0 ? scale : 1n),
  };
}

/**
 * Converts `money` into `to` through the table's base with one rounding step. Throws
 * VALIDATION_FAILED (`currency: NO_EXCHANGE_RATE`) when either side has no rate.
 */
export function convertMoney(money: Money, to: string, table: RateTable, mode: RoundingMode = "halfUp"): Money {
  if (money.currency === to) return { ...money };
  const ratio = conversionRatio(table, money.currency, to);
  if (!ratio) {
    throw new AppError("VALIDATION_FAILED", `No exchange rate from ${money.currency} to ${to}.`, { fields: { currency: ["NO_EXCHANGE_RATE"] } });
  }
  return { amountMinor: divideRounded(money.amountMinor * ratio.num, ratio.den, mode), currency: to };
}
