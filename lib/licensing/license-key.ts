import { createHmac, randomBytes } from "node:crypto";

// License keys: "KF-" + 4 groups of 5 Crockford base32 characters. 19 random characters
// (95 bits from a CSPRNG) and one check character, so typos are caught before any lookup.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_ALPHABET = ALPHABET + "*~$=U"; // Crockford's mod-37 check symbols

function checkSymbol(body: string): string {
  let mod = 0;
  for (const ch of body) mod = (mod * 32 + ALPHABET.indexOf(ch)) % 37;
  return CHECK_ALPHABET[mod]!;
}

export function generateLicenseKey(): string {
  const bytes = randomBytes(19);
  let body = "";
  for (const b of bytes) body += ALPHABET[b & 31];
  const chars = body + checkSymbol(body);
  return `KF-${chars.match(/.{5}/g)!.join("-")}`;
}

/** Upper-cases, maps Crockford look-alikes (O→0, I/L→1), drops separators; null when malformed. */
export function normalizeLicenseKey(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const compact = input.toUpperCase().replace(/^KF-?/, "").replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{19}[0-9A-HJKMNP-TV-Z*~$=U]$/.test(compact)) return null;
  const body = compact.slice(0, 19);
  if (checkSymbol(body) !== compact[19]) return null;
  return `KF-${compact.match(/.{5}/g)!.join("-")}`;
}

/** Lookup hash of a normalized key: keyed, so a leaked table cannot be brute-forced offline. */
export function hashLicenseKey(normalizedKey: string, pepper: string): string {
  return createHmac("sha256", pepper).update(normalizedKey).digest("hex");
}

// Keys imported from other platforms (Easy Digital Downloads: 32 hex characters, Lemon Squeezy:
// a UUID, Keygen: whatever text the seller chose) are kept verbatim: compared by their exact trimmed
// text, printable ASCII, 6..LEGACY_KEY_MAX characters (inner spaces allowed).
export const LEGACY_KEY_MIN = 6;
export const LEGACY_KEY_MAX = 256;
const LEGACY_KEY = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The trimmed text of a key from another platform; null when it is out of bounds or not printable ASCII. */
export function normalizeLegacyLicenseKey(input: string): string | null {
  if (typeof input !== "string" || input.length > LEGACY_KEY_MAX + 64) return null;
  const key = input.trim();
  if (key.length < LEGACY_KEY_MIN || key.length > LEGACY_KEY_MAX || !LEGACY_KEY.test(key)) return null;
  return key;
}

export type CanonicalLicenseKey = { kind: "keyfront" | "legacy"; key: string };

/**
 * What a submitted key stands for: a Keyfront key (forgiving spelling, check character) first,
 * else a key imported from another platform (exact text). Null for junk; never throws.
 */
export function canonicalLicenseKey(input: unknown): CanonicalLicenseKey | null {
  if (typeof input !== "string") return null;
  const keyfront = normalizeLicenseKey(input);
  if (keyfront) return { kind: "keyfront", key: keyfront };
  const legacy = normalizeLegacyLicenseKey(input);
  return legacy ? { kind: "legacy", key: legacy } : null;
}

// Domain separation: no imported key's hash can equal a Keyfront key's hash, whatever its text.
const LEGACY_DOMAIN = "keyfront:legacy-license-key:v1\0";

/** Lookup hash of an imported key (its exact trimmed text). */
export function hashLegacyLicenseKey(key: string, pepper: string): string {
  return createHmac("sha256", pepper).update(LEGACY_DOMAIN).update(key).digest("hex");
}

/** Lookup hash of a canonical key of either kind. */
export function hashCanonicalLicenseKey(key: CanonicalLicenseKey, pepper: string): string {
  return key.kind === "keyfront" ? hashLicenseKey(key.key, pepper) : hashLegacyLicenseKey(key.key, pepper);
}

/** What lists show instead of the key: the first group and the last four characters. */
export function licenseKeyHint(key: string): string {
  if (!key.startsWith("KF-")) return key.length <= 12 ? `…${key.slice(-4)}` : `${key.slice(0, 4)}…${key.slice(-4)}`;
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
