// Generated values for the API fuzz tests: arbitrary JSON, nasty strings, wrong types, odd
// path segments. Every choice comes from the seeded Rng.
import type { Rng } from "./prng";
import { wellFormedKey } from "./prng";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const NASTY = [
  "", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0003\u001f", "\u007f", "\t\r\n", "\ud800", "\udfff", "x\udc00y",
  "\ud83d", "\ufeff", "\ufffe\uffff", "\u202eevil", "\u200b", "😀🔑", "ä\u0308", "İı", "%00", "%s%n", "${jndi:ldap://x}",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE \"License\"; --", "../../etc/passwd", "NaN", "null", "true",
  "__proto__", "constructor", "KF-", "kf_live_", "\\u0000", "\\", "\"", "{}", "[]",
];

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

export function nastyString(rng: Rng): string {
  if (rng.chance(0.15)) return rng.string(rng.int(1, 300), "\u0000\u0001\u001f\ud800\udfff\u2028\u2029\ufffd\u0085 aZ9-");
  return rng.pick(NASTY) + (rng.chance(0.3) ? rng.pick(NASTY) : "");
}

export function randomNumber(rng: Rng): number {
  return rng.pick([0, -0, 1, -1, 59, 60, 61, 1.5, -1e9, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 366 * 86_400 + 1, rng.int(-1e6, 1e6), rng.next()]);
}

export function randomJson(rng: Rng, depth = 0): Json {
  const roll = rng.int(0, depth > 3 ? 4 : 7);
  if (roll === 0) return null;
  if (roll === 1) return rng.chance(0.5);
  if (roll === 2) return randomNumber(rng);
  if (roll === 3 || roll === 4) return rng.chance(0.5) ? nastyString(rng) : rng.string(rng.int(0, 40));
  if (roll === 5) return Array.from({ length: rng.int(0, 5) }, () => randomJson(rng, depth + 1));
  const obj: Record<string, Json> = {};
  for (let i = rng.int(0, 5); i > 0; i--) obj[rng.chance(0.3) ? rng.pick(PROTO_KEYS) : rng.string(rng.int(0, 12))] = randomJson(rng, depth + 1);
  return obj;
}

/** A JSON value whose type is none of the declared JSON-schema types. */
export function wrongTypeValue(rng: Rng, declared: string[]): Json {
  for (;;) {
    const v = rng.chance(0.25) ? rng.pick<Json>([1.5, -3, 0, true, false, null, [], {}, "", "12", ["a"], { key: "x" }]) : randomJson(rng, 2);
    const type = v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;
    if (!declared.includes(type) && !(type === "integer" && declared.includes("number"))) return v;
  }
}

export function fingerprint(rng: Rng): string {
  return rng.string(rng.int(16, 64), "0123456789abcdef-ABCDEF:_");
}

export function domain(rng: Rng): string {
  const host = `${rng.string(rng.int(3, 12), "abcdefghijklmnopqrstuvwxyz0123456789")}.${rng.pick(["com", "io", "de", "co.uk"])}`;
  return rng.pick([host, `https://www.${host}/path?q=1`, `${host.toUpperCase()}:8443`, `bücher-${host}`]);
}

/** A plausible value for a known field name (right type, plausible content). */
export function plausible(rng: Rng, field: string): Json {
  switch (field) {
    case "key": return wellFormedKey(rng);
    case "product": return `p-${rng.string(8, "abcdef0123456789")}`;
    case "fingerprint": return fingerprint(rng);
    case "domain": return domain(rng);
    case "entitlements": return Array.from({ length: rng.int(0, 3) }, () => rng.pick(["pro", "sync", "export", "team"]));
    case "nonce": return rng.string(rng.int(8, 40), "abcdefghijklmnopqrstuvwxyz0123456789");
    case "label": return rng.pick(["Laptop", "Büro-PC", "CI runner", "机器"]);
    case "ttlSec": return rng.int(60, 86_400);
    case "activationId": return `act_${rng.string(20, "0123456789abcdefghjkmnpqrstvwxyz")}`;
    case "planId": return `plan_${rng.string(20, "0123456789abcdefghjkmnpqrstvwxyz")}`;
    case "email": return `nobody-${rng.string(8, "abcdef0123456789")}@example.test`;
    case "seats": return rng.int(1, 50);
    case "expiresAt": return rng.chance(0.2) ? null : new Date(Date.UTC(2030, rng.int(0, 11), rng.int(1, 28))).toISOString();
    case "reason": return rng.pick(["chargeback", "support request", ""]);
    case "days": return rng.int(1, 400);
    default: return rng.string(8);
  }
}

const SEGMENT_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

/** A single path segment as sent on the wire: odd but never a "/" or a dot segment. */
export function weirdSegment(rng: Rng): string {
  const hex = () => rng.string(2, "0123456789ABCDEFabcdef");
  const variants: (() => string)[] = [
    () => rng.string(rng.int(1, 40), SEGMENT_SAFE),
    () => Array.from({ length: rng.int(1, 12) }, () => `%${hex()}`).join(""), // often invalid UTF-8
    () => encodeURIComponent(nastyString(rng).replace(/[\ud800-\udfff]/g, "x")) || "%20",
    () => rng.pick(["%", "%%", "%zz", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%FF", "a%", "%2", "%u0041"]),
    () => rng.pick(["%2F", "a%2Fb", "%2e%2e%2Fx", "%5C", "%00", "x%00y", "%0D%0A", "%20", "+", "%2B", ";x=1", "%3F", "%23"]),
    () => rng.pick(["%252F", "%2500", "%25E0"]), // double encoded
    () => `act_${rng.string(rng.int(10, 30), "0123456789abcdefghjkmnpqrstvwxyz")}`,
    () => `lic_${rng.string(rng.int(10, 30), "0123456789abcdefghjkmnpqrstvwxyz")}`,
    () => rng.string(rng.int(63, 66), "abc"),
    () => rng.string(rng.int(200, 3000), SEGMENT_SAFE),
    () => encodeURIComponent(rng.pick(["ä", "😀", "\u202e", "机器", "İ", "\ufeff"])),
  ];
  for (;;) {
    const s = rng.pick(variants)();
    if (s !== "" && s !== "." && s !== ".." && !/^(\.|%2e){1,2}$/i.test(s)) return s;
  }
}

export function randomQuery(rng: Rng): string {
  const pairs = Array.from({ length: rng.int(0, 4) }, () => {
    const k = rng.pick(["q", "status", "cursor", "limit", "x", "__proto__", "constructor", "q[]", "limit"]);
    const v = rng.pick([
      () => rng.string(rng.int(0, 20), SEGMENT_SAFE), () => `%${rng.string(2, "0123456789ABCDEF")}`, () => (rng.chance(0.2) ? "%00" : "%01"),
      () => rng.pick(["ACTIVE", "active", "DELETED", "-1", "0", "1", "200", "201", "1e3", "NaN", "Infinity", "0x10"]),
      () => rng.pick(["ACTIVE", "SUSPENDED", "REVOKED", "5", "50"]),
      () => rng.string(rng.int(199, 260), "ab"), () => "%E0%A4%A", () => encodeURIComponent(nastyString(rng).replace(/[\ud800-\udfff]/g, "x").replace(/\0/g, rng.chance(0.8) ? "" : "\0")),
    ])();
    return `${k}=${v}`;
  });
  return pairs.length ? `?${pairs.join("&")}` : "";
}
