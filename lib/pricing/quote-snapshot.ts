import { createHash } from "node:crypto";

// The quote as the order stores it (Order.quote): plain JSON, money as decimal strings of minor
// units, no timestamps, so the same prices always give the same snapshot and the same hash.

export const QUOTE_SNAPSHOT_VERSION = 1;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Converts bigints to strings and drops undefined, recursively, for a JSON column. */
export function toJsonValue(value: unknown): Json {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("Snapshots hold finite numbers only.");
    return value;
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Date) throw new TypeError("Snapshots hold no dates.");
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  throw new TypeError(`Cannot store a ${typeof value} in a snapshot.`);
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  const json = toJsonValue(value);
  const write = (v: Json): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
    if (v !== null && typeof v === "object") {
      const keys = Object.keys(v).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(v[k] ?? null)}`).join(",")}}`;
    }
    return JSON.stringify(v);
  };
  return write(json);
}

/** SHA-256 (hex) of the canonical JSON: checkout compares it to detect a stale quote. */
export function hashSnapshot(snapshot: unknown): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

/** The JSON shape of a value: bigints become strings, everything else stays. */
export type Serialized<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

/** `value` as stored JSON, typed: toJsonValue maps bigint → string and keeps the structure. */
export function serialize<T>(value: T): Serialized<T> {
  return toJsonValue(value) as Serialized<T>;
}
