// Money is an integer count of minor units plus an ISO 4217 code. Floats never hold money.
export type Money = { amountMinor: bigint; currency: string };

// Minor-unit exponents that differ from 2.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
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
