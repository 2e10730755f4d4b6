import type { InvalidationBatch, SharedStore } from "./shared-store";

/** The handful of Redis commands the shared store needs; each client library adapts to it. */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  mget(keys: string[]): Promise<(string | null)[]>;
  setEx(key: string, value: string, ttlSec: number, onlyIfAbsent?: boolean): Promise<void>;
  del(keys: string[]): Promise<void>;
  incrBy(key: string, by: number): Promise<number>;
  ttl(key: string): Promise<number>;
}

// Invalidation "stream" built from plain keys, so it works the same over Upstash REST and RESP:
// a sequence counter, and one short-lived key per entry. A reader that finds an entry already
// expired knows it missed something and drops its whole local tier.
const ENTRY_TTL_SEC = 600;
const MAX_READ = 1000;

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

  async hit(key: string, windowSec: number) {
    await this.redis.setEx(key, "0", windowSec, true);
    const count = await this.redis.incrBy(key, 1);
    const ttl = count === 1 ? windowSec : await this.redis.ttl(key);
    return { count, ttlSec: ttl > 0 ? ttl : windowSec };
  }

  async publish(stream: string, members: string[]) {
    if (!members.length) return;
    const last = await this.redis.incrBy(`${stream}:seq`, members.length);
    const first = last - members.length + 1;
    await Promise.all(members.map((m, i) => this.redis.setEx(`${stream}:${first + i}`, m, ENTRY_TTL_SEC)));
  }

  async readSince(stream: string, cursor: string): Promise<InvalidationBatch> {
    const last = Number((await this.redis.get(`${stream}:seq`)) ?? 0);
    if (cursor === "") return { cursor: String(last), members: [], gap: false };
    const after = Number(cursor);
    if (last <= after) return { cursor: String(last), members: [], gap: last < after };
    const from = Math.max(after + 1, last - MAX_READ + 1);
    const keys = Array.from({ length: last - from + 1 }, (_, i) => `${stream}:${from + i}`);
    const values = await this.redis.mget(keys);
    const members = values.filter((v): v is string => v !== null);
    // An entry written but not yet visible is harmless only if it shows up next time; treat
    // anything missing as a gap so the local tier is dropped instead of serving stale state.
    const gap = from > after + 1 || members.length < values.length;
    return { cursor: String(last), members, gap };
  }
}
