import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { generateLicenseKey, hashLicenseKey, licenseKeyHint } from "./license-key";

function pepper(): string {
  return createHmac("sha256", Buffer.from(getEnv().ENCRYPTION_KEY, "base64")).update("license-key-lookup").digest("hex");
}

export function lookupHash(normalizedKey: string): string {
  return hashLicenseKey(normalizedKey, pepper());
}

/** A fresh key for a license: the plaintext (shown once), its lookup hash, ciphertext and hint. */
export function newKeyMaterial(licenseId: string) {
  const key = generateLicenseKey();
  return { key, keyHash: lookupHash(key), keyCiphertext: encryptSecret(key, licenseId), keyHint: licenseKeyHint(key) };
}
