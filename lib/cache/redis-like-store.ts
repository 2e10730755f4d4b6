import { HIT_SCRIPT, PUBLISH_SCRIPT, PUT_VERSIONED_SCRIPT, READ_SCRIPT } from "./redis-scripts";
import type { InvalidationBatch, SharedStore } from "./shared-store";
import { decodeVersioned, STREAM_MAX_LENGTH, STREAM_MAX_READ } from "./shared-store";

/** The Redis commands the shared store needs; each client library (RESP, Upstash REST) adapts to it. */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  setEx(key: string, value: string, ttlSec: number): Promise<void>;
  del(keys: string[]): Promise<void>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

// The invalidation stream is a sequence counter plus a sorted set of "<id>:<member>" entries
// trimmed to STREAM_MAX_LENGTH; both are plain Redis types, so it works the same over Upstash
// REST and RESP. Publishing and reading are single scripts.
const seqKey = (stream: string) => `${stream}:seq`;
const entriesKey = (stream: string) => `${stream}:entries`;

function asNumber(v: unknown): number {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw new Error(`shared store: expected a number, got ${String(v)}`);
  return n;
}

export class RedisLikeStore implements SharedStore {
  constructor(
    readonly kind: "upstash" | "redis",
    private readonly redis: RedisCommands,
  ) {}

  get(key: string) {
    return this.redis.get(key);
  }

  set(key: string, value: string, ttlSec: number) {
    return this.redis.setEx(key, value, ttlSec);
  }

  async del(keys: string[]) {
    if (keys.length) await this.redis.del(keys);
  }

  async putVersioned(key: string, version: number, value: string | null, ttlSec: number) {
    const written = await this.redis.eval(PUT_VERSIONED_SCRIPT, [key], [String(version), value ?? "", String(ttlSec)]);
    return asNumber(written) === 1;
  }

  async getVersioned(key: string) {
    return decodeVersioned(await this.redis.get(key));
  }

  async hit(key: string, windowSec: number) {
    const reply = (await this.redis.eval(HIT_SCRIPT, [key], [String(windowSec)])) as unknown[];
    const count = asNumber(reply[0]);
    const ttlMs = asNumber(reply[1]);
    return { count, ttlSec: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  async publish(stream: string, members: string[]) {
    if (!members.length) return;
    await this.redis.eval(PUBLISH_SCRIPT, [seqKey(stream), entriesKey(stream)], [String(STREAM_MAX_LENGTH), ...members]);
  }

  async readSince(stream: string, cursor: string): Promise<InvalidationBatch> {
    if (cursor === "") return { cursor: String(asNumber((await this.redis.get(seqKey(stream))) ?? 0)), members: [], gap: false };
    const after = Number(cursor);
    const reply = (await this.redis.eval(READ_SCRIPT, [seqKey(stream), entriesKey(stream)], [String(after), String(STREAM_MAX_READ)])) as unknown[];
    const last = asNumber(reply[0]);
    const oldest = asNumber(reply[1]);
    const entries = reply.slice(2).map((raw) => {
      const text = String(raw);
      const colon = text.indexOf(":");
      return { id: Number(text.slice(0, colon)), member: text.slice(colon + 1) };
    });
    // The stream restarted below us (flushed Redis): everything since is unknown.
    if (last < after) return { cursor: String(last), members: [], gap: true };
    const trimmed = last > after && (oldest === -1 || oldest > after + 1);
    const next = entries.length ? entries[entries.length - 1]!.id : trimmed ? last : after;
    return { cursor: String(next), members: entries.map((e) => e.member), gap: trimmed };
  }
}
