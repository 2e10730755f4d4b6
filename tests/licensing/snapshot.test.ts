import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { loadLicenseSnapshot, type LicenseSnapshot } from "@/lib/licensing/snapshot";
import { lockLicense } from "@/lib/licensing/locked-license";
import { loadSnapshotBatched } from "@/lib/licensing/snapshot-batches";
import { createLicensedPlan } from "../support/factories";

// The snapshot as the relational reads build it (one query per relation through Prisma): the
// reference the single-statement loader must reproduce field for field.
async function referenceSnapshot(keyHash: string): Promise<LicenseSnapshot | null> {
  const row = await db.license.findUnique({
    where: { keyHash },
    include: {
      product: true,
      plan: true,
      activations: { where: { status: { in: ["ACTIVE", "DEAD"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000 },
    },
  });
  if (!row) return null;
  return {
    id: row.id, keyHash: row.keyHash, version: row.version, status: row.status, userId: row.userId,
    productId: row.productId, productSlug: row.product.slug, productName: row.product.name, planId: row.planId, planName: row.plan.name,
    licenseType: row.product.licenseType, seats: row.seats, entitlements: row.entitlements,
    expiresAt: row.expiresAt?.getTime() ?? null, graceDays: row.plan.gracePeriodDays,
    paymentOverdueAt: row.paymentOverdueAt?.getTime() ?? null,
    heartbeatIntervalSec: row.plan.heartbeatIntervalSec, heartbeatGraceSec: row.plan.heartbeatGraceSec,
    offlineTokenTtlSec: row.plan.offlineTokenTtlSec, createdAt: row.createdAt.getTime(),
    activations: row.activations.map((a) => ({
      id: a.id, kind: a.kind, identifier: a.identifier, label: a.label, status: a.status, countsToLimit: a.countsToLimit,
      lastHeartbeatAt: a.lastHeartbeatAt?.getTime() ?? null, createdAt: a.createdAt.getTime(),
    })),
  };
}

const keyHashOfLicense = async (id: string) => (await db.license.findUniqueOrThrow({ where: { id } })).keyHash;

async function addActivation(licenseId: string, fields: Partial<{ kind: "FINGERPRINT" | "DOMAIN"; identifier: string; label: string | null; status: "ACTIVE" | "RELEASED" | "DEAD"; countsToLimit: boolean; lastHeartbeatAt: Date | null; createdAt: Date }>) {
  return db.activation.create({
    data: { id: newId("activation"), licenseId, kind: "FINGERPRINT", identifier: `fp-${Math.random().toString(36).slice(2)}-0123456789`, ...fields },
  });
}

describe("license snapshot (one statement)", () => {
  it("matches the relational reads for a license with every kind of field set", async () => {
    const { license } = await createLicensedPlan({
      heartbeatIntervalSec: 600, heartbeatGraceSec: 30, gracePeriodDays: 7, offlineTokenTtlSec: 3600, entitlements: ["pro", "beta"],
      expiresAt: new Date("2031-05-06T07:08:09.123Z"), seats: 4,
    });
    await db.license.update({ where: { id: license.id }, data: { paymentOverdueAt: new Date("2030-01-02T03:04:05.678Z"), status: "SUSPENDED", version: { increment: 3 } } });
    const base = Date.parse("2026-01-01T00:00:00.000Z");
    await addActivation(license.id, { label: "Workstation « Ü »", lastHeartbeatAt: new Date(base + 5_001), createdAt: new Date(base + 3_000) });
    await addActivation(license.id, { label: null, status: "DEAD", lastHeartbeatAt: null, createdAt: new Date(base + 1_000) });
    await addActivation(license.id, { status: "RELEASED", createdAt: new Date(base + 2_000) });
    await addActivation(license.id, { countsToLimit: false, createdAt: new Date(base + 1_000) });
    const keyHash = await keyHashOfLicense(license.id);

    const loaded = await loadLicenseSnapshot(keyHash);
    expect(loaded).toEqual(await referenceSnapshot(keyHash));
    // Released activations are not part of the state; the others come oldest first.
    expect(loaded!.activations.map((a) => a.status).sort()).toEqual(["ACTIVE", "ACTIVE", "DEAD"]);
    expect(loaded!.activations).toHaveLength(3);
    expect(loaded!.activations.map((a) => a.createdAt)).toEqual([base + 1_000, base + 1_000, base + 3_000]);
    expect(loaded).toMatchObject({ status: "SUSPENDED", expiresAt: Date.parse("2031-05-06T07:08:09.123Z"), paymentOverdueAt: Date.parse("2030-01-02T03:04:05.678Z"), graceDays: 7 });
  });

  it("matches the relational reads for a bare site license (nulls, no activations)", async () => {
    const { license } = await createLicensedPlan({ licenseType: "SITE", heartbeatIntervalSec: null, entitlements: [] });
    const keyHash = await keyHashOfLicense(license.id);
    const loaded = await loadLicenseSnapshot(keyHash);
    expect(loaded).toEqual(await referenceSnapshot(keyHash));
    expect(loaded).toMatchObject({ licenseType: "SITE", expiresAt: null, paymentOverdueAt: null, heartbeatIntervalSec: null, entitlements: [], activations: [], userId: null });
    await addActivation(license.id, { kind: "DOMAIN", identifier: "example.com" });
    expect(await loadLicenseSnapshot(keyHash)).toEqual(await referenceSnapshot(keyHash));
  });

  it("answers null for an unknown key hash, on the pool and inside a transaction", async () => {
    expect(await loadLicenseSnapshot("0".repeat(64))).toBeNull();
    expect(await db.$transaction((tx) => loadLicenseSnapshot("0".repeat(64), tx))).toBeNull();
  });

  it("reads the same snapshot inside a transaction that holds the license's lock", async () => {
    const { license } = await createLicensedPlan({ heartbeatIntervalSec: 3600 });
    await addActivation(license.id, { lastHeartbeatAt: new Date() });
    const keyHash = await keyHashOfLicense(license.id);
    const locked = await db.$transaction((tx) => lockLicense(tx, { keyHash }));
    expect(locked).toEqual(await referenceSnapshot(keyHash));
    expect(locked).toEqual(await loadLicenseSnapshot(keyHash));
  });

  it("keeps at most 1000 activations, the oldest", async () => {
    const { license } = await createLicensedPlan({ seats: 2000 });
    const base = Date.parse("2026-02-01T00:00:00.000Z");
    await db.activation.createMany({
      data: Array.from({ length: 1005 }, (_, i) => ({ id: newId("activation"), licenseId: license.id, kind: "FINGERPRINT" as const, identifier: `fp-many-${String(i).padStart(5, "0")}-abcdef`, createdAt: new Date(base + i * 1000) })),
    });
    const keyHash = await keyHashOfLicense(license.id);
    const loaded = await loadLicenseSnapshot(keyHash);
    expect(loaded!.activations).toHaveLength(1000);
    expect(loaded!.activations.at(-1)!.createdAt).toBe(base + 999 * 1000);
    expect(loaded).toEqual(await referenceSnapshot(keyHash));
  });

  it("misses asked for together are read together, each answered with its own license", async () => {
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => createLicensedPlan({ seats: i + 1 })));
    const hashes = await Promise.all(made.map(({ license }) => keyHashOfLicense(license.id)));
    const unknown = "f".repeat(64);
    const asked = [...hashes, unknown, hashes[0]!, ...hashes.reverse()];
    const answers = await Promise.all(asked.map((h) => loadSnapshotBatched(h)));
    for (const [i, h] of asked.entries()) {
      if (h === unknown) expect(answers[i]).toBeNull();
      else expect(answers[i]).toEqual(await referenceSnapshot(h));
    }
  });

  it("a miss asked for after a change commits sees the change, even while reads are running", async () => {
    const { license } = await createLicensedPlan();
    const keyHash = await keyHashOfLicense(license.id);
    const before = Array.from({ length: 20 }, () => loadSnapshotBatched(keyHash));
    await db.license.update({ where: { id: license.id }, data: { status: "REVOKED", version: { increment: 1 } } });
    const after = await loadSnapshotBatched(keyHash);
    expect(after!.status).toBe("REVOKED");
    for (const s of await Promise.all(before)) expect(s!.id).toBe(license.id);
  });
});
