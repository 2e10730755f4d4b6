import { createHmac } from "node:crypto";
import { phpJsonEncode } from "../php-json";

// NOWPayments: x-nowpayments-sig = hex HMAC-SHA512(IPN secret, JSON of the body with object keys
// sorted recursively). Their Node example signs JSON.stringify of the sorted object; their PHP
// example signs json_encode(…, JSON_UNESCAPED_SLASHES), which escapes non-ASCII as \uXXXX. The
// two differ only for non-ASCII text (an order description, say): both are accepted.
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

export function nowpaymentsSignatures(body: unknown, ipnSecret: string): string[] {
  const sorted = sortKeysDeep(body);
  const encodings = new Set([JSON.stringify(sorted), phpJsonEncode(sorted, { unescapedSlashes: true })]);
  return [...encodings].map((json) => createHmac("sha512", ipnSecret).update(json, "utf8").digest("hex"));
}
