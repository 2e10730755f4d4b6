// The shared tier of the cache: what every app instance sees. Redis (Upstash REST or a plain
// Redis) in production; an in-process map when Keyfront runs as a single embedded process.
export type InvalidationBatch = { cursor: string; members: string[]; gap: boolean };

export interface SharedStore {
  readonly kind: "memory" | "upstash" | "redis";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSec: number): Promise<void>;
  del(keys: string[]): Promise<void>;
  /** Fixed-window counter: the count after this hit and the seconds left in the window. */
  hit(key: string, windowSec: number): Promise<{ count: number; ttlSec: number }>;
  /** Appends members to the invalidation stream that every instance polls. */
  publish(stream: string, members: string[]): Promise<void>;
  /** Entries after `cursor` ("" = start from now). `gap` when entries were trimmed unread. */
  readSince(stream: string, cursor: string): Promise<InvalidationBatch>;
}

export const STREAM_MAX_LENGTH = 10_000;
