import type { InvalidationBatch, SharedStore } from "./shared-store";
import { decodeVersioned, encodeVersioned, mayReplace, STREAM_MAX_LENGTH, STREAM_MAX_READ } from "./shared-store";

// Counters (hit) hold a number, so counting allocates nothing; get() reads them as text.
type Entry = { value: string | number; expiresAt: number };

/** Single-process store: the embedded default, and the baseline the Redis stores are tested against. */
export class MemoryStore implements SharedStore {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, Entry>();
  private readonly streams = new Map<string, { seq: number; items: { id: number; member: string }[] }>();
  private sweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string, now = this.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(now = this.now()) {
    if (now < this.sweepAt) return;
    this.sweepAt = now + 10_000;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  private textOf(key: string): string | null {
    const value = this.live(key)?.value;
    return value === undefined ? null : String(value);
  }

  async get(key: string) {
    return this.textOf(key);
  }

  async set(key: string, value: string, ttlSec: number) {
    this.sweep();
    this.entries.set(key, { value, expiresAt: this.now() + ttlSec * 1000 });
  }

  async del(keys: string[]) {
    for (const key of keys) this.entries.delete(key);
  }

  async putVersioned(key: string, version: number, value: string | null, ttlSec: number) {
    if (!mayReplace(decodeVersioned(this.textOf(key)), version, value === null)) return false;
    await this.set(key, encodeVersioned(version, value), ttlSec);
    return true;
  }

  async getVersioned(key: string) {
    return decodeVersioned(this.textOf(key));
  }

  async hit(key: string, windowSec: number) {
    const now = this.now();
    this.sweep(now);
    const entry = this.live(key, now);
    if (!entry) {
      this.entries.set(key, { value: 1, expiresAt: now + windowSec * 1000 });
      return { count: 1, ttlSec: windowSec };
    }
    const count = (entry.value = Number(entry.value) + 1);
    return { count, ttlSec: Math.max(1, Math.ceil((entry.expiresAt - now) / 1000)) };
  }

  async publish(stream: string, members: string[]) {
    let s = this.streams.get(stream);
    if (!s) this.streams.set(stream, (s = { seq: 0, items: [] }));
    for (const member of members) s.items.push({ id: ++s.seq, member });
    if (s.items.length > STREAM_MAX_LENGTH) s.items.splice(0, s.items.length - STREAM_MAX_LENGTH);
  }

  async readSince(stream: string, cursor: string): Promise<InvalidationBatch> {
    const s = this.streams.get(stream);
    const last = s?.seq ?? 0;
    if (cursor === "") return { cursor: String(last), members: [], gap: false };
    const after = Number(cursor);
    if (last < after) return { cursor: String(last), members: [], gap: true };
    const items = (s?.items ?? []).filter((i) => i.id > after).slice(0, STREAM_MAX_READ);
    const gap = last > after && (items.length === 0 || items[0]!.id > after + 1);
    const next = items.length ? items[items.length - 1]!.id : last;
    return { cursor: String(next), members: items.map((i) => i.member), gap };
  }
}
