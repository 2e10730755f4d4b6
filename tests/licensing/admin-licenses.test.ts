import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { activateLicense } from "@/lib/licensing/activate-license";
import { validateLicense } from "@/lib/licensing/validate-license";
import {
  adminExtendLicense, adminReinstateLicense, adminReleaseActivation, adminResetActivations,
  adminRevealLicenseKey, adminRevokeLicense, adminRotateLicenseKey, adminSuspendLicense,
} from "@/lib/licensing/admin-license-actions";
import { getLicenseAsStaff, searchLicensesAsStaff } from "@/lib/licensing/staff-license-queries";
import { createLicensedPlan, createUser, viewerOf } from "../support/factories";

const ctx = { ip: "10.20.30.40", requestId: "req-admin" };
const fp = (n: number) => `admin-test-device-fingerprint-${n}`;

async function licenseWithActivations(devices = 2, options: Parameters<typeof createLicensedPlan>[0] = {}) {
  const customer = await createUser();
  const licensed = await createLicensedPlan({ userId: customer.id, seats: 3, ...options });
  const activations = [];
  for (let i = 0; i < devices; i++) activations.push((await activateLicense({ key: licensed.key, fingerprint: fp(i) })).activation!);
  return { customer, ...licensed, activations };
}

async function stateOf(licenseId: string) {
  const [license, activations, audit] = await Promise.all([
    db.license.findUniqueOrThrow({ where: { id: licenseId }, select: { status: true, expiresAt: true, keyHash: true, version: true, suspendedReason: true } }),
    db.activation.findMany({ where: { licenseId }, orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.auditLog.count(),
  ]);
  return { license, activations, audit };
}

/** Every change an admin can make, as one call each against `licenseId`. */
function everyChange(licenseId: string, activationId: string) {
  return {
    suspend: (v: Parameters<typeof adminSuspendLicense>[0]) => adminSuspendLicense(v, { licenseId, reason: "abuse" }, ctx),
    reinstate: (v: Parameters<typeof adminSuspendLicense>[0]) => adminReinstateLicense(v, { licenseId }, ctx),
    revoke: (v: Parameters<typeof adminSuspendLicense>[0]) => adminRevokeLicense(v, { licenseId, reason: "refund", confirm: "yes" }, ctx),
    extend: (v: Parameters<typeof adminSuspendLicense>[0]) => adminExtendLicense(v, { licenseId, days: "30" }, ctx),
    reset: (v: Parameters<typeof adminSuspendLicense>[0]) => adminResetActivations(v, { licenseId }, ctx),
    release: (v: Parameters<typeof adminSuspendLicense>[0]) => adminReleaseActivation(v, { licenseId, activationId }, ctx),
    reveal: (v: Parameters<typeof adminSuspendLicense>[0]) => adminRevealLicenseKey(v, { licenseId }, ctx),
    rotate: (v: Parameters<typeof adminSuspendLicense>[0]) => adminRotateLicenseKey(v, { licenseId }, ctx),
  };
}

describe("admin license actions are for admins only", () => {
  it.each(["SUPPORT", "CUSTOMER"] as const)("a %s can change nothing and reveal nothing", async (role) => {
    const { license, activations, customer } = await licenseWithActivations();
    // A customer is refused even on their own license: these are staff actions.
    const actor = viewerOf(role === "CUSTOMER" ? customer : await createUser({ role }));
    const before = await stateOf(license.id);
    for (const [name, run] of Object.entries(everyChange(license.id, activations[0]!.id))) {
      await expect(run(actor), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await stateOf(license.id)).toEqual(before);
  });

  it("an anonymous caller is refused as unauthenticated", async () => {
    const { license, activations } = await licenseWithActivations(1);
    const before = await stateOf(license.id);
    for (const run of Object.values(everyChange(license.id, activations[0]!.id))) {
      await expect(run(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    expect(await stateOf(license.id)).toEqual(before);
  });

  it("support staff can read licenses; customers cannot", async () => {
    const { license } = await licenseWithActivations(1);
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const customer = viewerOf(await createUser());
    expect(await getLicenseAsStaff(support, license.id)).toMatchObject({ id: license.id, activationsUsed: 1, displayStatus: "ACTIVE" });
    expect((await searchLicensesAsStaff(support, { q: license.id })).items.map((l) => l.id)).toEqual([license.id]);
    await expect(getLicenseAsStaff(customer, license.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchLicensesAsStaff(customer, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchLicensesAsStaff(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await getLicenseAsStaff(support, "lic_00000000000000000000000000")).toBeNull();
    expect(await getLicenseAsStaff(support, "not-an-id")).toBeNull();
  });
});

describe("an admin's changes", () => {
  it("each write an audit entry with the admin and the request context", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const { license, activations, key } = await licenseWithActivations(3);
    const changes = everyChange(license.id, activations[0]!.id);

    expect(await changes.reveal(admin)).toBe(key);
    await changes.suspend(admin);
    expect((await validateLicense({ key })).code).toBe("SUSPENDED");
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).suspendedReason).toBe("abuse");
    await changes.reinstate(admin);
    expect((await validateLicense({ key })).code).toBe("VALID");
    const { expiresAt } = await adminExtendLicense(admin, { licenseId: license.id, days: "30" }, ctx);
    expect(expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(await changes.release(admin)).toEqual({ code: "DEACTIVATED" });
    // Staff releases do not count against the customer's reassignment limit.
    expect(await db.activationRelease.findFirstOrThrow({ where: { activationId: activations[0]!.id } })).toMatchObject({ releasedBy: "ADMIN", counts: false });
    await changes.reset(admin);
    expect(await db.activation.count({ where: { licenseId: license.id, status: "ACTIVE" } })).toBe(0);
    const rotated = await changes.rotate(admin);
    expect((await validateLicense({ key })).code).toBe("NOT_FOUND");
    expect((await validateLicense({ key: rotated.key })).code).toBe("VALID");
    await changes.revoke(admin);
    expect((await validateLicense({ key: rotated.key })).code).toBe("REVOKED");

    const entries = await db.auditLog.findMany({ where: { targetId: license.id, actorId: admin.id } });
    expect(entries.map((e) => e.action).sort()).toEqual([
      "activation.released", "license.activations_reset", "license.extended", "license.key_revealed",
      "license.key_rotated", "license.reinstated", "license.revoked", "license.suspended",
    ]);
    for (const e of entries) expect(e).toMatchObject({ actorType: "USER", ip: ctx.ip, requestId: ctx.requestId, targetType: "license" });
  });

  it("reject bad input and impossible transitions without writing anything", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const { license, activations } = await licenseWithActivations(1);
    const before = await stateOf(license.id);
    await expect(adminSuspendLicense(admin, { licenseId: license.id, reason: "   " }, ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { reason: ["required"] } });
    await expect(adminRevokeLicense(admin, { licenseId: license.id, reason: "refund" }, ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { confirm: ["required"] } });
    await expect(adminExtendLicense(admin, { licenseId: license.id, days: "0" }, ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(adminExtendLicense(admin, { licenseId: license.id, days: "abc" }, ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(adminReinstateLicense(admin, { licenseId: license.id }, ctx)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(adminReleaseActivation(admin, { licenseId: "lic_00000000000000000000000000", activationId: activations[0]!.id }, ctx)).resolves.toEqual({ code: "NOT_FOUND" });
    await expect(adminRevealLicenseKey(admin, { licenseId: "lic_00000000000000000000000000" }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(license.id)).toEqual(before);
  });
});

describe("staff license search", () => {
  it("finds by full key, license id or customer email, filters by status and pages by cursor", async () => {
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const owner = await createUser({ email: `search-${Date.now()}@example.test` });
    const issued = [];
    for (let i = 0; i < 27; i++) issued.push(await createLicensedPlan({ userId: owner.id }));
    await adminSuspendLicense(admin, { licenseId: issued[3]!.license.id, reason: "check" }, ctx);

    expect((await searchLicensesAsStaff(support, { q: issued[5]!.key.toLowerCase() })).items.map((l) => l.id)).toEqual([issued[5]!.license.id]);
    expect((await searchLicensesAsStaff(support, { q: issued[6]!.license.id })).items.map((l) => l.id)).toEqual([issued[6]!.license.id]);
    expect((await searchLicensesAsStaff(support, { q: owner.email, status: "SUSPENDED" })).items.map((l) => l.id)).toEqual([issued[3]!.license.id]);

    const first = await searchLicensesAsStaff(support, { q: owner.email.toUpperCase() });
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).toBe(first.items[24]!.id);
    const second = await searchLicensesAsStaff(support, { q: owner.email, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((l) => l.id))).toEqual(new Set(issued.map((l) => l.license.id)));
    // Unknown filter values are ignored rather than failing the page.
    expect((await searchLicensesAsStaff(support, { q: owner.email, status: "DELETED", cursor: "nope" })).items).toHaveLength(25);
    const serialized = JSON.stringify(first);
    expect(serialized).not.toContain(issued[0]!.key);
    expect(serialized).not.toContain(issued[0]!.license.keyHash);
  });
});
