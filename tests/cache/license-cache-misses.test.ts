import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cacheStats, clearLocalLicenseCache, getLicenseSnapshot, invalidateLicense } from "@/lib/cache/license-cache";
import { createLicensedPlan } from "../support/factories";

const keyHashOf = async (id: string) => (await db.license.findUniqueOrThrow({ where: { id } })).keyHash;

describe("license cache misses", () => {
  it("concurrent misses for one key share a single database read", async () => {
    const { license } = await createLicensedPlan();
    const keyHash = await keyHashOf(license.id);
    clearLocalLicenseCache();
    const before = cacheStats.dbLoads;
    const results = await Promise.all(Array.from({ length: 50 }, () => getLicenseSnapshot(keyHash)));
    expect(cacheStats.dbLoads - before).toBe(1);
    expect(new Set(results.map((r) => r?.id))).toEqual(new Set([license.id]));
    // Now cached: no further read.
    await getLicenseSnapshot(keyHash);
    expect(cacheStats.dbLoads - before).toBe(1);
  });

  it("misses for different keys read separately", async () => {
    const [a, b] = await Promise.all([createLicensedPlan(), createLicensedPlan()]);
    const hashes = await Promise.all([keyHashOf(a.license.id), keyHashOf(b.license.id)]);
    clearLocalLicenseCache();
    const before = cacheStats.dbLoads;
    const [sa, sb] = await Promise.all(hashes.map((h) => getLicenseSnapshot(h)));
    expect(cacheStats.dbLoads - before).toBe(2);
    expect([sa?.id, sb?.id]).toEqual([a.license.id, b.license.id]);
  });

  it("a miss after an invalidation does not join a read that started before it", async () => {
    const { license } = await createLicensedPlan();
    const keyHash = await keyHashOf(license.id);
    clearLocalLicenseCache();
    const early = getLicenseSnapshot(keyHash);
    const changed = await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED", version: { increment: 1 } } });
    await invalidateLicense(keyHash, changed.version);
    const late = await getLicenseSnapshot(keyHash);
    expect(late).toMatchObject({ status: "SUSPENDED", version: changed.version });
    await early;
    // Whatever the early read saw, the cache now serves the changed state.
    expect(await getLicenseSnapshot(keyHash)).toMatchObject({ status: "SUSPENDED", version: changed.version });
  });
});
