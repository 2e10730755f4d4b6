import { createHash, randomBytes } from "node:crypto";

// Integration API keys: "kf_live_" + 32 base32 characters (160 bits). Stored as SHA-256 (the key
// is random, so a fast hash is enough) plus a display prefix.
export const API_KEY_SCOPES = ["licenses:read", "licenses:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const bytes = randomBytes(32);
  let body = "";
  for (const b of bytes) body += ALPHABET[b & 31];
  const key = `kf_live_${body}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(value: string): boolean {
  return /^kf_live_[a-z2-7]{32}$/.test(value);
}
