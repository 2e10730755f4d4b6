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

/** What lists show instead of the key: the first group and the last four characters. */
export function licenseKeyHint(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
