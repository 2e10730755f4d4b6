import { currencyExponent } from "@/lib/money";

// Exact decimal text ⇄ integers for the catalog forms. Nothing here goes through a float.

/** Why a decimal amount was refused; each is also a translated field error. */
export type AmountProblem = "amountInvalid" | "negative" | "tooManyDecimals" | "outOfRange";

const AMOUNT = /^(-)?(\d+)(?:\.(\d+))?$/;
/** The largest amount a price may hold, in minor units (well inside a signed 64-bit column). */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

/**
 * Minor units of a decimal amount in `currency`, using its exponent: "12.34" USD → 1234n,
 * "1500" JPY → 1500n, "1.250" KWD → 1250n. Trailing zeros beyond the exponent are fine
 * ("12.50" JPY is refused, "12.00" JPY is 12n); "12.345" USD is refused, never rounded.
 */
export function parseMinorUnits(text: string, currency: string): { ok: true; value: bigint } | { ok: false; problem: AmountProblem } {
  const match = AMOUNT.exec(text.trim().replace(/^\+/, ""));
  if (!match) return { ok: false, problem: "amountInvalid" };
  const [, minus, whole = "", fraction = ""] = match;
  const exp = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > exp) return { ok: false, problem: "tooManyDecimals" };
  const value = BigInt(whole + significant.padEnd(exp, "0"));
  if (minus && value !== 0n) return { ok: false, problem: "negative" };
  if (value > MAX_AMOUNT_MINOR) return { ok: false, problem: "outOfRange" };
  return { ok: true, value };
}

export type Ratio = { num: bigint; den: bigint };

const RATE = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An exchange rate typed as a positive decimal ("0.9215", "151.4") as a reduced exact ratio, or null. */
export function parseRate(text: string): Ratio | null {
  const match = RATE.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  const num = BigInt((match[1] ?? "") + fraction);
  if (num === 0n) return null;
  const den = 10n ** BigInt(fraction.length);
  const divisor = gcd(num, den);
  return { num: num / divisor, den: den / divisor };
}

/**
 * A ratio as decimal text when it has a finite expansion of at most `maxDecimals` places
 * (9215/10000 → "0.9215"); otherwise as "num/den" so nothing is silently rounded.
 */
export function formatRate({ num, den }: Ratio, maxDecimals = 12): string {
  for (let places = 0; places <= maxDecimals; places++) {
    const scale = 10n ** BigInt(places);
    if ((num * scale) % den !== 0n) continue;
    const digits = ((num * scale) / den).toString().padStart(places + 1, "0");
    return places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  }
  return `${num}/${den}`;
}
