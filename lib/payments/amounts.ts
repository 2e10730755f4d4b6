import { currencyExponent, type Money } from "@/lib/money";
import { AppError } from "@/lib/errors";

// Providers report amounts as decimal strings ("10.50", "0.00029000") or JSON numbers. They are
// turned into integer minor units digit by digit: never through floating-point arithmetic.
// Crypto currencies carry more decimals than any fiat currency; their minor unit is the
// smallest one the gateways report (satoshi for BTC, 10^-6 for USDT…).
const CRYPTO_EXPONENTS: Record<string, number> = {
  BTC: 8, BCH: 8, LTC: 8, DOGE: 8, DASH: 8, ZEC: 8, BSV: 8,
  ETH: 18, BNB: 18, MATIC: 18, POL: 18, ETC: 18, AVAX: 18, DAI: 18, SHIB: 18,
  USDT: 6, USDC: 6, TRX: 6, TUSD: 18, XRP: 6, ADA: 6,
  SOL: 9, TON: 9, XMR: 12, XLM: 7, BUSD: 18,
};

/** Exponent of a currency's minor unit. Codes that are not ISO-like (NOWPayments' "USDTTRC20",
 *  "USDCBSC"…) get 18 decimals: no amount any chain reports loses precision. */
export function paymentCurrencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  return CRYPTO_EXPONENTS[code] ?? (/^[A-Z]{3}$/.test(code) ? currencyExponent(code) : 18);
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * Exact conversion of a decimal amount to minor units: ("10.5", "USD") → 1050n. A JSON number is
 * read through its shortest round-trip text (what the provider wrote, for up to 15 significant
 * digits). More decimals than the currency has are an error unless they are zeros, or, with
 * `floor`, are cut off toward zero (for values converted at an exchange rate: never credit more than arrived).
 */
export function decimalToMinor(value: string | number, currency: string, rounding: "exact" | "floor" = "exact"): bigint {
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (typeof value === "number" && !Number.isFinite(value))) {
    throw new AppError("BAD_REQUEST", `Not a decimal amount: ${String(value).slice(0, 40)}`);
  }
  const [, sign, whole, fraction = "", exp = "0"] = match;
  let digits = whole + fraction;
  let scale = fraction.length - Number(exp); // value = digits × 10^-scale
  const target = paymentCurrencyExponent(currency);
  if (scale > target) {
    const cut = scale - target;
    const dropped = digits.slice(-cut).padStart(cut, "0");
    if (rounding === "exact" && /[^0]/.test(dropped)) {
      throw new AppError("BAD_REQUEST", `${text} ${currency} has more decimals than the currency allows`);
    }
    digits = digits.length > cut ? digits.slice(0, -cut) : "0";
    scale = target;
  }
  const minor = BigInt(digits) * 10n ** BigInt(target - scale);
  return sign ? -minor : minor;
}

export function moneyOf(value: string | number, currency: string, rounding: "exact" | "floor" = "exact"): Money {
  const code = currency.toUpperCase();
  return { amountMinor: decimalToMinor(value, code, rounding), currency: code };
}

/** `moneyOf` (rounded down) for optional provider fields: null when absent, empty or zero. */
export function receivedMoney(value: string | number | null | undefined, currency: string | null | undefined): Money | null {
  if (value === null || value === undefined || value === "" || !currency) return null;
  const money = moneyOf(value, currency, "floor");
  return money.amountMinor > 0n ? money : null;
}

/** Exact `moneyOf` for an optional invoice amount: null when absent or empty. */
export function optionalInvoiceMoney(value: string | number | null | undefined, currency: string | null | undefined): Money | null {
  if (value === null || value === undefined || value === "" || !currency) return null;
  return moneyOf(value, currency);
}
