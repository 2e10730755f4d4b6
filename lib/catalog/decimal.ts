import { AppError } from "@/lib/errors";
import { parseMinorUnits as parseMoneyText, toRatio, type Ratio } from "@/lib/money";

export type { Ratio };

// Exact decimal text ⇄ integers for the catalog forms. Nothing here goes through a float.

/** Why a decimal amount was refused; each is also a translated field error. */
export type AmountProblem = "amountInvalid" | "negative" | "tooManyDecimals" | "outOfRange";

/** The largest amount a price may hold, in minor units (well inside a signed 64-bit column). */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

const PROBLEMS: Record<string, AmountProblem> = { INVALID_AMOUNT: "amountInvalid", TOO_MANY_DECIMALS: "tooManyDecimals", NEGATIVE_AMOUNT: "negative" };

/**
 * lib/money's parseMinorUnits as a form result: "12.34" USD → 1234n, "1500" JPY → 1500n,
 * "1.250" KWD → 1250n; "12.345" USD is refused, never rounded; a leading "+" is accepted.
 */
export function parseMinorUnits(text: string, currency: string): { ok: true; value: bigint } | { ok: false; problem: AmountProblem } {
  let value: bigint;
  try {
    value = parseMoneyText(text.trim().replace(/^\+/, ""), currency);
  } catch (err) {
    const reason = err instanceof AppError ? Object.values(err.fields ?? {})[0]?.[0] : undefined;
    return { ok: false, problem: PROBLEMS[reason ?? ""] ?? "amountInvalid" };
  }
  if (value > MAX_AMOUNT_MINOR) return { ok: false, problem: "outOfRange" };
  return { ok: true, value };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An exchange rate typed as a positive decimal ("0.9215", "151.4") as a reduced exact ratio, or null. */
export function parseRate(text: string): Ratio | null {
  if (!/^\d{1,12}(?:\.\d{1,12})?$/.test(text.trim())) return null;
  let ratio: Ratio;
  try {
    ratio = toRatio(text);
  } catch {
    return null;
  }
  const divisor = gcd(ratio.num, ratio.den);
  return { num: ratio.num / divisor, den: ratio.den / divisor };
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
