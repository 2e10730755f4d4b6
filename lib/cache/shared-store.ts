// The shared tier of the cache: what every app instance sees. Redis (Upstash REST or a plain
// Redis) in production; an in-process map when Keyfront runs as a single embedded process.
export type InvalidationBatch = { cursor: string; members: string[]; gap: boolean };

/** A value stamped with the version of what it describes; `value: null` is a tombstone. */
export type Versioned = { version: number; value: string | null };

export interface SharedStore {
  readonly kind: "memory" | "upstash" | "redis";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSec: number): Promise<void>;
  del(keys: string[]): Promise<void>;
  /**
   * Writes `value` (or a tombstone when null) unless the key holds a newer version — or the same
   * version and this write is a tombstone. Atomic: a slow writer can never put back an old copy
   * over a newer one. Resolves to whether it wrote.
   */
  putVersioned(key: string, version: number, value: string | null, ttlSec: number): Promise<boolean>;
  getVersioned(key: string): Promise<Versioned | null>;
  /** Fixed-window counter: the count after this hit and the seconds left in the window. */
  hit(key: string, windowSec: number): Promise<{ count: number; ttlSec: number }>;
  /** Appends members to the invalidation stream that every instance polls (atomically). */
  publish(stream: string, members: string[]): Promise<void>;
  /**
   * Up to STREAM_MAX_READ entries after `cursor` ("" = start from now), oldest first. `gap` when
   * entries after the cursor were trimmed unread, or the stream was reset under the reader.
   */
  readSince(stream: string, cursor: string): Promise<InvalidationBatch>;
}

export const STREAM_MAX_LENGTH = 10_000;
export const STREAM_MAX_READ = 1_000;

/** `<version>|<value>`: the stored form of a versioned value (an empty value is a tombstone). */
export function encodeVersioned(version: number, value: string | null): string {
  return `${version}|${value ?? ""}`;
}

export function decodeVersioned(raw: string | null): Versioned | null {
  if (raw === null) return null;
  const bar = raw.indexOf("|");
  const version = Number(raw.slice(0, bar));
  if (bar < 1 || !Number.isSafeInteger(version)) return null;
  const value = raw.slice(bar + 1);
  return { version, value: value === "" ? null : value };
}

/** Whether a versioned write may replace what is stored (the rule every store implements). */
export function mayReplace(stored: Versioned | null, version: number, tombstone: boolean): boolean {
  if (!stored) return true;
  return tombstone ? version > stored.version : version >= stored.version;
}
