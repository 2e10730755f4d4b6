import { randomBytes } from "node:crypto";

// Prefixed, time-sortable public ids: `lic_01JD3…`. 48-bit millisecond timestamp + 80 random
// bits, Crockford base32 (26 chars), so ids sort by creation time and never collide in practice.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = {
  user: "usr",
  token: "tok",
  product: "prd",
  plan: "pln",
  price: "prc",
  tier: "vtr",
  license: "lic",
  activation: "act",
  order: "ord",
  orderItem: "oit",
  event: "evt",
  walletEntry: "wle",
  promo: "prm",
  redemption: "rdm",
  audit: "aud",
  apiKey: "key",
  email: "eml",
  invoice: "inv",
  release: "rel",
  batch: "bat",
  refund: "rfd",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  const time = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes.set(randomBytes(10), 6);
  return `${ID_PREFIXES[kind]}_${encodeBase32(bytes).slice(0, 26)}`;
}
