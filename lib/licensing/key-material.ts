import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { Lru } from "@/lib/cache/lru";
import { generateLicenseKey, hashLicenseKey, licenseKeyHint, normalizeLicenseKey } from "./license-key";

let pepperCache: { source: string; pepper: string } | undefined;

function pepper(): string {
  const source = getEnv().ENCRYPTION_KEY;
  if (pepperCache?.source !== source) {
    pepperCache = { source, pepper: createHmac("sha256", Buffer.from(source, "base64")).update("license-key-lookup").digest("hex") };
  }
  return pepperCache.pepper;
}

// The same keys arrive again and again (every validation of every installed copy): remember
// their hashes instead of recomputing an HMAC per request.
const recentHashes = new Lru<string | null>(100_000, 3_600_000);

/** The lookup hash of a key as a client typed it; null when it is not a well-formed key. */
export function keyHashOf(input: string): string | null {
  const known = recentHashes.get(input);
  if (known !== undefined) return known;
  const key = normalizeLicenseKey(input);
  const hash = key ? lookupHash(key) : null;
  if (input.length <= 64) recentHashes.set(input, hash);
  return hash;
}

export function lookupHash(normalizedKey: string): string {
  return hashLicenseKey(normalizedKey, pepper());
}

/** A fresh key for a license: the plaintext (shown once), its lookup hash, ciphertext and hint. */
export function newKeyMaterial(licenseId: string) {
  const key = generateLicenseKey();
  return { key, keyHash: lookupHash(key), keyCiphertext: encryptSecret(key, licenseId), keyHint: licenseKeyHint(key) };
}
