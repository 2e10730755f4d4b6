// A small seeded PRNG (mulberry32) so every generated request can be reproduced from the seed.
import { normalizeLicenseKey } from "@/lib/licensing/license-key";

export type Rng = {
  seed: number;
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  string(length: number, alphabet?: string): string;
};

export const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (p) => next() < p,
    string: (length, alphabet = PRINTABLE) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(""),
  };
}

/** The seed from FUZZ_SEED (to replay a failure) or a fresh one. */
export function fuzzSeed(): number {
  const fixed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fixed) && fixed > 0 ? fixed : Math.floor(Math.random() * 2 ** 31) + 1;
}

const KEY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_ALPHABET = KEY_ALPHABET + "*~$=U";

/** A well-formed license key (right check character) that no license has. */
export function wellFormedKey(rng: Rng): string {
  const body = rng.string(19, KEY_ALPHABET);
  for (const check of CHECK_ALPHABET) {
    const key = normalizeLicenseKey(`KF-${body}${check}`);
    if (key) return key;
  }
  throw new Error("no check character fits");
}

/** Keys that look right but are not: wrong check character, look-alikes, spacing, lengths. */
export function wrongLookingKey(rng: Rng): string {
  const good = wellFormedKey(rng);
  const variants = [
    () => good,
    () => good.toLowerCase(),
    () => good.replace(/-/g, " "),
    () => good.replace(/-/g, ""),
    () => good.slice(0, -1) + (good.endsWith("0") ? "1" : "0"),
    () => good.replace(/0/g, "O").replace(/1/g, "I"),
    () => good.replace(/A/g, "\u0410").replace(/0/g, "\u041e"), // Cyrillic look-alikes
    () => good.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
    () => `KF-${good}`,
    () => "KF-",
    () => good.padEnd(64, "X"),
    () => good.padEnd(65, "X"),
    () => `  ${good}\t`,
    () => `${good}\u0000`,
    () => `${good}\u200b`,
  ];
  return rng.pick(variants)();
}
