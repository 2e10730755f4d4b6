import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("keeps at most maxEntries and drops the entry not read since it was stored", () => {
    const lru = new Lru<number>(3, 60_000);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.set("c", 3);
    expect(lru.get("a")).toBe(1);
    lru.set("d", 4);
    expect(lru.size).toBe(3);
    expect(lru.get("b")).toBeUndefined();
    expect([lru.get("a"), lru.get("c"), lru.get("d")]).toEqual([1, 3, 4]);
  });

  it("drops the oldest entry when none was read", () => {
    const lru = new Lru<number>(2, 60_000);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.set("c", 3);
    expect(lru.get("a")).toBeUndefined();
    expect([lru.get("b"), lru.get("c")]).toEqual([2, 3]);
  });

  it("an entry read again after its second chance survives later evictions", () => {
    const lru = new Lru<number>(3, 60_000);
    for (const k of ["a", "b", "c"]) lru.set(k, 0);
    lru.get("a");
    lru.set("d", 0); // a gets its second chance, b goes
    lru.get("a");
    lru.set("e", 0); // c goes (a was read again)
    lru.set("f", 0); // d goes
    expect(lru.get("a")).toBe(0);
    expect(["b", "c", "d"].map((k) => lru.get(k))).toEqual([undefined, undefined, undefined]);
  });

  it("evicts even when every entry was read (one pass clears the marks)", () => {
    const lru = new Lru<number>(3, 60_000);
    for (const k of ["a", "b", "c"]) lru.set(k, 0);
    for (const k of ["a", "b", "c"]) lru.get(k);
    lru.set("d", 0);
    expect(lru.size).toBe(3);
    expect(lru.get("a")).toBeUndefined();
    expect(lru.get("d")).toBe(0);
  });

  it("expires entries after ttlMs, and overwriting renews the value and the expiry", () => {
    let now = 1_000;
    const lru = new Lru<string>(10, 100, () => now);
    lru.set("k", "v1");
    now += 99;
    expect(lru.get("k")).toBe("v1");
    lru.set("k", "v2");
    now += 99;
    expect(lru.get("k")).toBe("v2");
    now += 1;
    expect(lru.get("k")).toBeUndefined();
    expect(lru.size).toBe(0);
  });

  it("delete and clear forget entries", () => {
    const lru = new Lru<number>(10, 1_000);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.delete("a");
    expect(lru.get("a")).toBeUndefined();
    lru.clear();
    expect(lru.size).toBe(0);
  });
});
