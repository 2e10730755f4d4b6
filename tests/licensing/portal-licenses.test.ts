import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { activateLicense } from "@/lib/licensing/activate-license";
import { validateLicense } from "@/lib/licensing/validate-license";
import { getLicenseDetailForOwner, getLicenseForOwner, listLicensesForOwner } from "@/lib/licensing/queries";
import { releaseOwnActivation } from "@/lib/licensing/release-own-activation";
import { revealOwnLicenseKey, rotateOwnLicenseKey } from "@/lib/licensing/own-license-keys";
import { createLicensedPlan, createUser, viewerOf } from "../support/factories";

const fp = (n: number) => `portal-device-fingerprint-${n}`;
const ctx = { ip: "10.1.2.3", requestId: "req-portal" };

async function customerWithActivations(options: Parameters<typeof createLicensedPlan>[0] = {}, devices = 2) {
  const user = await createUser();
  const licensed = await createLicensedPlan({ userId: user.id, seats: 3, entitlements: ["pro"], ...options });
  const activations = [];
  for (let i = 0; i < devices; i++) {
    const decision = await activateLicense({ key: licensed.key, fingerprint: fp(i), label: `Laptop ${i}` });
    activations.push(decision.activation!);
  }
  return { user, viewer: viewerOf(user), ...licensed, activations };
}

/** Everything a refused portal action must leave as it was. */
async function stateOf(licenseId: string) {
  const [license, activations, releases, audit] = await Promise.all([
    db.license.findUniqueOrThrow({ where: { id: licenseId }, select: { keyHash: true, keyCiphertext: true, version: true, status: true } }),
    db.activation.findMany({ where: { licenseId }, orderBy: { id: "asc" }, select: { id: true, status: true, releasedAt: true } }),
    db.activationRelease.count({ where: { licenseId } }),
    db.auditLog.count(),
  ]);
  return { license, activations, releases, audit };
}

describe("portal license reads", () => {
  it("show the owner the detail with activations and release allowance, and nobody else", async () => {
    const alice = await customerWithActivations({ reassignmentLimit: 3, reassignmentPeriodDays: 30 });
    const bob = viewerOf(await createUser());
    const detail = await getLicenseDetailForOwner(alice.user.id, alice.license.id);
    expect(detail).toMatchObject({
      id: alice.license.id, displayStatus: "ACTIVE", seats: 3, activationsUsed: 2, entitlements: ["pro"],
      releases: { used: 0, limit: 3, periodDays: 30 },
    });
    expect(detail!.activations.map((a) => a.identifier).sort()).toEqual([fp(0), fp(1)]);
    expect(await getLicenseDetailForOwner(bob.id, alice.license.id)).toBeNull();
    expect(await getLicenseForOwner(bob.id, alice.license.id)).toBeNull();
    expect(await listLicensesForOwner(bob.id)).toEqual([]);
    const serialized = JSON.stringify([detail, await listLicensesForOwner(alice.user.id)]);
    const row = await db.license.findUniqueOrThrow({ where: { id: alice.license.id } });
    for (const secret of [alice.key, row.keyHash, row.keyCiphertext]) expect(serialized).not.toContain(secret);
  });

  it("report an expired license inside its grace period", async () => {
    const user = await createUser();
    const { license } = await createLicensedPlan({ userId: user.id, gracePeriodDays: 7, expiresAt: new Date(Date.now() - 86_400_000) });
    const [listed] = await listLicensesForOwner(user.id);
    expect(listed).toMatchObject({ id: license.id, displayStatus: "IN_GRACE" });
    expect(listed!.graceEndsAt!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("another customer's license is out of reach", () => {
  it("reveal, rotate and deactivate answer NOT_FOUND to another customer and change nothing", async () => {
    const alice = await customerWithActivations();
    const bob = await customerWithActivations();
    const before = await stateOf(alice.license.id);

    await expect(revealOwnLicenseKey(bob.viewer, { licenseId: alice.license.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rotateOwnLicenseKey(bob.viewer, { licenseId: alice.license.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Alice's activation under Alice's license id, and under Bob's own license id.
    await expect(releaseOwnActivation(bob.viewer, { licenseId: alice.license.id, activationId: alice.activations[0]!.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(releaseOwnActivation(bob.viewer, { licenseId: bob.license.id, activationId: alice.activations[0]!.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Alice cannot release Bob's activation through her own license either.
    await expect(releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: bob.activations[0]!.id }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await stateOf(alice.license.id)).toEqual(before);
    expect((await validateLicense({ key: alice.key, fingerprint: fp(0) })).code).toBe("VALID");
    expect((await db.activation.findUniqueOrThrow({ where: { id: bob.activations[0]!.id } })).status).toBe("ACTIVE");
  });

  it("refuse anonymous callers and malformed ids before touching anything", async () => {
    const alice = await customerWithActivations({}, 1);
    const before = await stateOf(alice.license.id);
    await expect(revealOwnLicenseKey(null, { licenseId: alice.license.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(rotateOwnLicenseKey(null, { licenseId: alice.license.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(releaseOwnActivation(null, { licenseId: alice.license.id, activationId: alice.activations[0]!.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(revealOwnLicenseKey(alice.viewer, { licenseId: "lic_' OR 1=1 --" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: "act_x" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await stateOf(alice.license.id)).toEqual(before);
  });
});

describe("the owner's own license", () => {
  it("reveals the key, audited with the request context", async () => {
    const alice = await customerWithActivations({}, 0);
    expect(await revealOwnLicenseKey(alice.viewer, { licenseId: alice.license.id }, ctx)).toBe(alice.key);
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: alice.license.id, action: "license.key_revealed" } });
    expect(entry).toMatchObject({ actorType: "USER", actorId: alice.user.id, ip: ctx.ip, requestId: ctx.requestId });
  });

  it("deactivates an activation, counted against the reassignment limit and audited", async () => {
    const alice = await customerWithActivations({ reassignmentLimit: 1, reassignmentPeriodDays: 30 });
    const [first, second] = alice.activations;
    expect(await releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: first!.id }, ctx)).toEqual({ code: "DEACTIVATED" });
    expect((await db.activation.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe("RELEASED");
    expect(await db.activationRelease.findFirstOrThrow({ where: { activationId: first!.id } })).toMatchObject({ releasedBy: "CUSTOMER", counts: true });
    expect(await db.auditLog.findFirst({ where: { targetId: alice.license.id, action: "activation.released" } })).toMatchObject({ actorId: alice.user.id });

    // The limit of one release per period is used up: the second is refused and stays active.
    expect(await releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: second!.id })).toEqual({ code: "REASSIGNMENT_LIMIT_REACHED" });
    expect((await db.activation.findUniqueOrThrow({ where: { id: second!.id } })).status).toBe("ACTIVE");
    // Releasing an already released activation is answered, not thrown.
    expect(await releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: first!.id })).toEqual({ code: "NOT_ACTIVATED" });
    expect((await getLicenseDetailForOwner(alice.user.id, alice.license.id))!.releases).toMatchObject({ used: 1, limit: 1 });
  });

  it("holds the owner to the cool-down between releases", async () => {
    const alice = await customerWithActivations({ reassignmentLimit: 10, reassignmentCooldownSec: 3600 });
    expect((await releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: alice.activations[0]!.id })).code).toBe("DEACTIVATED");
    expect((await releaseOwnActivation(alice.viewer, { licenseId: alice.license.id, activationId: alice.activations[1]!.id })).code).toBe("COOLDOWN_ACTIVE");
    expect((await db.activation.findUniqueOrThrow({ where: { id: alice.activations[1]!.id } })).status).toBe("ACTIVE");
  });

  it("rotates the key: the new key works at once, the old one is unknown, activations stay", async () => {
    const alice = await customerWithActivations({}, 1);
    const rotated = await rotateOwnLicenseKey(alice.viewer, { licenseId: alice.license.id }, ctx);
    expect(rotated.key).not.toBe(alice.key);
    expect((await validateLicense({ key: alice.key })).code).toBe("NOT_FOUND");
    expect((await validateLicense({ key: rotated.key, fingerprint: fp(0) })).code).toBe("VALID");
    expect(await revealOwnLicenseKey(alice.viewer, { licenseId: alice.license.id })).toBe(rotated.key);
    expect((await getLicenseDetailForOwner(alice.user.id, alice.license.id))!.keyHint).toBe(rotated.keyHint);
    expect(await db.auditLog.findFirst({ where: { targetId: alice.license.id, action: "license.key_rotated" } })).toMatchObject({ actorId: alice.user.id, requestId: ctx.requestId });
  });
});
