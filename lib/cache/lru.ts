/**
 * A bounded map that forgets a least recently used entry first; entries also expire.
 *
 * Recency is "second chance" (CLOCK) rather than strict LRU: a read only marks its entry, it
 * never reorders the map. When the map is full, the oldest entries are looked at in insertion
 * order: one read since it was last looked at moves to the back with its mark cleared, the first
 * unmarked one is dropped. A read costs a lookup and a flag; an entry read between two
 * evictions survives them, as under LRU.
 */
type Entry<V> = { value: V; expiresAt: number; used: boolean };

export class Lru<V> {
  private readonly map = new Map<string, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.value;
  }

  set(key: string, value: V): void {
    const expiresAt = this.now() + this.ttlMs;
    const entry = this.map.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.expiresAt = expiresAt;
      entry.used = true;
      return;
    }
    // Room first, so the entry being stored is never the one dropped.
    if (this.map.size >= this.maxEntries && this.map.size > 0) this.evictOne();
    this.map.set(key, { value, expiresAt, used: false });
  }

  private evictOne(): void {
    // Bounded: after one pass over the map every mark is cleared, so the loop ends.
    for (;;) {
      const [key, entry] = this.map.entries().next().value!;
      this.map.delete(key);
      if (!entry.used || entry.expiresAt <= this.now()) return;
      entry.used = false;
      this.map.set(key, entry);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
