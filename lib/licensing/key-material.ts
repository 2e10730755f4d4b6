import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { generateLicenseKey, hashLicenseKey, licenseKeyHint, normalizeLicenseKey } from "./license-key";

let pepperCache: { source: string; pepper: string } | undefined;

function pepper(): string {
  const source = getEnv().ENCRYPTION_KEY;
  if (pepperCache?.source !== source) {
    pepperCache = { source, pepper: createHmac("sha256", Buffer.from(source, "base64")).update("license-key-lookup").digest("hex") };
  }
  return pepperCache.pepper;
}

/** The lookup hash of a key as a client typed it; null when it is not a well-formed key. */
export function keyHashOf(input: string): string | null {
  const key = normalizeLicenseKey(input);
  return key ? lookupHash(key) : null;
}

export function lookupHash(normalizedKey: string): string {
  return hashLicenseKey(normalizedKey, pepper());
}

/** A fresh key for a license: the plaintext (shown once), its lookup hash, ciphertext and hint. */
export function newKeyMaterial(licenseId: string) {
  const key = generateLicenseKey();
  return { key, keyHash: lookupHash(key), keyCiphertext: encryptSecret(key, licenseId), keyHint: licenseKeyHint(key) };
}
