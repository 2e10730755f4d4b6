import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { Lru } from "@/lib/cache/lru";
import { canonicalLicenseKey, generateLicenseKey, hashCanonicalLicenseKey, hashLicenseKey, licenseKeyHint, type CanonicalLicenseKey } from "./license-key";

let pepperCache: { source: string; pepper: string } | undefined;

function pepper(): string {
  const source = getEnv().ENCRYPTION_KEY;
  if (pepperCache?.source !== source) {
    pepperCache = { source, pepper: createHmac("sha256", Buffer.from(source, "base64")).update("license-key-lookup").digest("hex") };
  }
  return pepperCache.pepper;
}

// The same keys arrive again and again (every validation of every installed copy): remember
// their lookups instead of recomputing an HMAC per request.
export type KeyLookup = CanonicalLicenseKey & { hash: string };
const recentLookups = new Lru<KeyLookup | null>(100_000, 3_600_000);

/**
 * The one place a submitted key becomes a lookup: its canonical form (a Keyfront key, or an
 * imported key's exact trimmed text) and hash; null when it is no well-formed key of either kind.
 */
export function keyLookupOf(input: string): KeyLookup | null {
  if (typeof input !== "string") return null;
  const known = recentLookups.get(input);
  if (known !== undefined) return known;
  const key = canonicalLicenseKey(input);
  const lookup = key ? { ...key, hash: hashCanonicalLicenseKey(key, pepper()) } : null;
  if (input.length <= 256) recentLookups.set(input, lookup);
  return lookup;
}

/** The lookup hash of a key as a client typed it; null when it is not a well-formed key. */
export function keyHashOf(input: string): string | null {
  return keyLookupOf(input)?.hash ?? null;
}

/** Lookup hash of a Keyfront key already in canonical form. */
export function lookupHash(normalizedKey: string): string {
  return hashLicenseKey(normalizedKey, pepper());
}

/** A fresh key for a license: the plaintext (shown once), its lookup hash, ciphertext and hint. */
export function newKeyMaterial(licenseId: string) {
  const key = generateLicenseKey();
  return { key, keyHash: lookupHash(key), keyCiphertext: encryptSecret(key, licenseId), keyHint: licenseKeyHint(key) };
}

/** Key material for an imported key kept verbatim: the same lookup hash validation computes. */
export function importedKeyMaterial(licenseId: string, submittedKey: string) {
  const lookup = keyLookupOf(submittedKey);
  if (!lookup) return null;
  return { key: lookup.key, keyHash: lookup.hash, keyCiphertext: encryptSecret(lookup.key, licenseId), keyHint: licenseKeyHint(lookup.key) };
}
