// One contract, three stores: the in-process MemoryStore, plain Redis over RESP (ioredis) and
// Upstash over REST (the real @upstash/redis client through a local REST server), the last two
// against a real redis-server.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/cache/memory-store";
import { createRedisStore } from "@/lib/cache/redis-store";
import { createUpstashStore } from "@/lib/cache/upstash-store";
import { STREAM_MAX_LENGTH, STREAM_MAX_READ, type SharedStore } from "@/lib/cache/shared-store";
import { startRedis, type RedisProcess } from "../support/redis-server";
import { startUpstashShim } from "../support/upstash-rest-shim";

let redis: RedisProcess;
let raw: Redis;
const closers: (() => Promise<void>)[] = [];
const stores: Record<string, SharedStore> = {};

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url, { protocol: 2 });
  const token = randomBytes(16).toString("hex");
  const shim = await startUpstashShim(redis.url, token);
  const resp = createRedisStore(redis.url);
  closers.push(shim.close, resp.close);
  stores.memory = new MemoryStore();
  stores.redis = resp.store;
  stores.upstash = createUpstashStore(shim.url, token);
});

afterAll(async () => {
  for (const close of closers) await close();
  await raw.quit();
  await redis.stop();
});

const unique = (tag: string) => `t:${tag}:${randomBytes(5).toString("hex")}`;

describe.each(["memory", "redis", "upstash"])("%s store", (kind) => {
  const store = () => stores[kind]!;

  it("gets, sets with expiry and deletes", async () => {
    const key = unique("kv");
    expect(await store().get(key)).toBeNull();
    await store().set(key, "héllo | wörld", 60);
    expect(await store().get(key)).toBe("héllo | wörld");
    await store().del([key]);
    expect(await store().get(key)).toBeNull();
    await store().set(key, "short", 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await store().get(key)).toBeNull();
  });

  it("never lets an older version or an equal tombstone replace what is stored", async () => {
    const key = unique("ver");
    expect(await store().putVersioned(key, 5, '{"v":5}', 60)).toBe(true);
    expect(await store().putVersioned(key, 4, '{"v":4}', 60)).toBe(false);
    expect(await store().putVersioned(key, 5, null, 60)).toBe(false);
    expect(await store().getVersioned(key)).toEqual({ version: 5, value: '{"v":5}' });
    expect(await store().putVersioned(key, 6, null, 60)).toBe(true);
    expect(await store().getVersioned(key)).toEqual({ version: 6, value: null });
    expect(await store().putVersioned(key, 5, '{"v":5}', 60)).toBe(false);
    expect(await store().putVersioned(key, 6, '{"v":6}', 60)).toBe(true);
    expect(await store().getVersioned(key)).toEqual({ version: 6, value: '{"v":6}' });
    expect(await store().getVersioned(unique("none"))).toBeNull();
  });

  it("keeps the newest version when writers race", async () => {
    const key = unique("race");
    const versions = Array.from({ length: 40 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    await Promise.all(versions.map((v) => store().putVersioned(key, v, JSON.stringify({ v }), 60)));
    expect(await store().getVersioned(key)).toEqual({ version: 40, value: '{"v":40}' });
  });

  it("counts hits in a fixed window that always expires", async () => {
    const key = unique("hit");
    const counts = await Promise.all(Array.from({ length: 25 }, () => store().hit(key, 1)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const c of counts) expect(c.ttlSec).toBe(1);
    if (kind !== "memory") expect(await raw.pttl(key)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await store().hit(key, 1)).count).toBe(1);
  });

  it("gives a counter left without an expiry one on the next hit", async () => {
    if (kind === "memory") return;
    const key = unique("noexp");
    await raw.set(key, "7");
    expect(await store().hit(key, 30)).toEqual({ count: 8, ttlSec: 30 });
    expect(await raw.ttl(key)).toBeGreaterThan(0);
  });

  it("streams invalidations in order from the reader's cursor", async () => {
    const stream = unique("stream");
    const start = await store().readSince(stream, "");
    expect(start).toEqual({ cursor: "0", members: [], gap: false });
    await store().publish(stream, ["a:1", "b:2"]);
    await store().publish(stream, ["c:3"]);
    const batch = await store().readSince(stream, start.cursor);
    expect(batch).toEqual({ cursor: "3", members: ["a:1", "b:2", "c:3"], gap: false });
    expect(await store().readSince(stream, batch.cursor)).toEqual({ cursor: "3", members: [], gap: false });
    expect((await store().readSince(stream, "")).cursor).toBe("3");
  });

  it("delivers every entry exactly once while publishers race the reader", async () => {
    const stream = unique("concurrent");
    let cursor = (await store().readSince(stream, "")).cursor;
    const seen: string[] = [];
    let publishing = true;
    const reader = (async () => {
      while (publishing) {
        const b = await store().readSince(stream, cursor);
        expect(b.gap).toBe(false);
        seen.push(...b.members);
        cursor = b.cursor;
      }
    })();
    const published = Array.from({ length: 300 }, (_, i) => `k${i}:${i}`);
    await Promise.all(published.map((m) => store().publish(stream, [m])));
    publishing = false;
    await reader;
    for (;;) {
      const b = await store().readSince(stream, cursor);
      seen.push(...b.members);
      if (b.cursor === cursor) break;
      cursor = b.cursor;
    }
    expect(seen.sort()).toEqual([...published].sort());
  });

  it("pages long backlogs and reports entries trimmed unread as a gap", async () => {
    const stream = unique("trim");
    const cursor = (await store().readSince(stream, "")).cursor;
    const many = Array.from({ length: STREAM_MAX_READ + 5 }, (_, i) => `m${i}:1`);
    await store().publish(stream, many);
    const first = await store().readSince(stream, cursor);
    expect(first.members).toHaveLength(STREAM_MAX_READ);
    expect(first.gap).toBe(false);
    const second = await store().readSince(stream, first.cursor);
    expect(second.members).toEqual(many.slice(STREAM_MAX_READ));

    const behind = second.cursor;
    await store().publish(stream, Array.from({ length: STREAM_MAX_LENGTH + 1 }, (_, i) => `x${i}:1`));
    const late = await store().readSince(stream, behind);
    expect(late.gap).toBe(true);
    expect(Number(late.cursor)).toBeGreaterThan(Number(behind));
  });

  it("reports a stream that restarted under the reader as a gap", async () => {
    const stream = unique("reset");
    await store().publish(stream, ["a:1"]);
    expect(await store().readSince(stream, "999")).toEqual({ cursor: "1", members: [], gap: true });
  });
});
