import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createLicensedPlan } from "../support/factories";
import { post, startApiServer } from "../support/api-server";
import { revokeLicense, suspendLicense, reinstateLicense, extendLicense, resetActivations, setLicenseSeats, setPaymentOverdue } from "@/lib/licensing/change-license";
import { rotateLicenseKey } from "@/lib/licensing/rotate-license-key";
import { cullDeadActivations } from "@/lib/licensing/cull-dead-activations";
import { flushLastSeen } from "@/lib/licensing/last-seen";
import { createLicenseBatch } from "@/lib/licensing/create-license-batch";
import { validateLicense } from "@/lib/licensing/validate-license";
import { recordHeartbeat } from "@/lib/licensing/record-heartbeat";
import { activateLicense } from "@/lib/licensing/activate-license";
import { publicKeyMap } from "@/lib/licensing/signing/signing-keys";
import { verifyToken } from "@/lib/licensing/signing/token";
import { OFFLINE_TOKEN_TYPE, RECEIPT_TYPE } from "@/lib/licensing/receipts";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const FP = "0123456789abcdef-device-a";
const FP2 = "0123456789abcdef-device-b";
const system = { type: "SYSTEM" as const };
const call = (path: string, body: unknown) => post(api.url, path, body).then((r) => r.body);

describe("state changes are seen by the next validation", () => {
  it("suspend, reinstate, revoke, expire, pay overdue", async () => {
    const { key, license } = await createLicensedPlan();
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("VALID");
    await suspendLicense(system, license.id, "chargeback review");
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("SUSPENDED");
    await reinstateLicense(system, license.id);
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("VALID");
    await extendLicense(system, license.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("EXPIRED");
    await extendLicense(system, license.id, { days: 30 });
    const renewed = await call("/api/v1/licenses/validate", { key });
    expect(renewed.code).toBe("VALID");
    expect(Date.parse(renewed.license.expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await setPaymentOverdue(system, license.id, new Date(Date.now() - 1000));
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("PAYMENT_OVERDUE");
    await setPaymentOverdue(system, license.id, null);
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("VALID");
    await revokeLicense(system, license.id, "refund");
    expect((await call("/api/v1/licenses/validate", { key })).code).toBe("REVOKED");
    await expect(reinstateLicense(system, license.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // seven changes audited; the refused reinstatement wrote nothing
    expect(await db.auditLog.count({ where: { targetId: license.id } })).toBe(7);
  });

  it("a license in its grace period is valid with EXPIRED_IN_GRACE", async () => {
    const { key } = await createLicensedPlan({ gracePeriodDays: 7, expiresAt: new Date(Date.now() - 86_400_000) });
    const res = await call("/api/v1/licenses/validate", { key });
    expect(res).toMatchObject({ valid: true, code: "EXPIRED_IN_GRACE" });
    expect(Date.parse(res.license.graceEndsAt)).toBeGreaterThan(Date.now());
  });

  it("rotating the key stops the old one at once and keeps the activations", async () => {
    const { key, license } = await createLicensedPlan();
    await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    expect((await call("/api/v1/licenses/validate", { key, fingerprint: FP })).code).toBe("VALID");
    const rotated = await rotateLicenseKey(system, license.id);
    expect(rotated.key).not.toBe(key);
    expect((await call("/api/v1/licenses/validate", { key, fingerprint: FP })).code).toBe("NOT_FOUND");
    expect((await call("/api/v1/licenses/validate", { key: rotated.key, fingerprint: FP })).code).toBe("VALID");
  });

  it("lowering seats invalidates the newest activations first", async () => {
    const { key, license } = await createLicensedPlan({ seats: 2 });
    await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    await call("/api/v1/licenses/activate", { key, fingerprint: FP2 });
    await setLicenseSeats(system, license.id, 1);
    expect((await call("/api/v1/licenses/validate", { key, fingerprint: FP })).code).toBe("VALID");
    expect((await call("/api/v1/licenses/validate", { key, fingerprint: FP2 })).code).toBe("ACTIVATION_LIMIT_REACHED");
  });
});

describe("deactivation", () => {
  it("frees the seat, then enforces cool-down and the reassignment limit", async () => {
    const { key, license } = await createLicensedPlan({ seats: 1, reassignmentLimit: 2, reassignmentCooldownSec: 3600 });
    await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    expect((await call("/api/v1/licenses/activate", { key, fingerprint: FP2 })).code).toBe("ACTIVATION_LIMIT_REACHED");
    const released = await call("/api/v1/licenses/deactivate", { key, fingerprint: FP });
    expect(released).toMatchObject({ code: "DEACTIVATED", license: { activationsUsed: 0 } });
    expect((await call("/api/v1/licenses/validate", { key, fingerprint: FP })).code).toBe("NOT_ACTIVATED");
    const moved = await call("/api/v1/licenses/activate", { key, fingerprint: FP2 });
    expect(moved.code).toBe("ACTIVATED");
    expect((await call("/api/v1/licenses/deactivate", { key, activationId: moved.activation.id })).code).toBe("COOLDOWN_ACTIVE");
    await db.activationRelease.updateMany({ where: { licenseId: license.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    expect((await call("/api/v1/licenses/deactivate", { key, activationId: moved.activation.id })).code).toBe("DEACTIVATED");
    await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    await db.activationRelease.updateMany({ where: { licenseId: license.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    expect((await call("/api/v1/licenses/deactivate", { key, fingerprint: FP })).code).toBe("REASSIGNMENT_LIMIT_REACHED");
    expect(await db.activation.count({ where: { licenseId: license.id, status: "ACTIVE" } })).toBe(1);
    // Support's reset is not held to the limit.
    await resetActivations(system, license.id);
    expect(await db.activation.count({ where: { licenseId: license.id, status: "ACTIVE" } })).toBe(0);
  });

  it("site licenses: normalized domains, dev domains use no seat", async () => {
    const { key } = await createLicensedPlan({ licenseType: "SITE", seats: 1 });
    const live = await call("/api/v1/licenses/activate", { key, domain: "https://WWW.Shop.Example.com/wp-admin" });
    expect(live).toMatchObject({ code: "ACTIVATED", activation: { identifier: "shop.example.com", counts: true } });
    expect((await call("/api/v1/licenses/activate", { key, domain: "staging.shop.example.com" })).activation).toMatchObject({ counts: false });
    expect((await call("/api/v1/licenses/activate", { key, domain: "shop.local" })).code).toBe("ACTIVATED");
    expect((await call("/api/v1/licenses/activate", { key, domain: "other.com" })).code).toBe("ACTIVATION_LIMIT_REACHED");
    expect((await call("/api/v1/licenses/validate", { key, domain: "shop.example.com" })).code).toBe("VALID");
    expect((await call("/api/v1/licenses/validate", { key, domain: "other.com" })).code).toBe("DOMAIN_MISMATCH");
    const wrongKind = await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: FP });
    expect(wrongKind.status).toBe(422);
  });
});

describe("heartbeats", () => {
  it("keeps an activation alive; a silent one dies, frees its seat and must activate again", async () => {
    const { key, license } = await createLicensedPlan({ seats: 1, heartbeatIntervalSec: 60 });
    const first = await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    const beat = await call(`/api/v1/activations/${first.activation.id}/heartbeat`, { key });
    expect(beat).toMatchObject({ valid: true, code: "HEARTBEAT_OK" });
    expect(Date.parse(beat.activation.heartbeatDueAt)).toBeGreaterThan(Date.now() + 50_000);

    // Two minutes of silence later:
    const later = Date.now() + 120_000;
    expect((await validateLicense({ key, fingerprint: FP }, later)).code).toBe("HEARTBEAT_DEAD");
    expect((await recordHeartbeat({ key, activationId: first.activation.id }, later)).code).toBe("HEARTBEAT_DEAD");
    expect(await cullDeadActivations(new Date(later))).toBe(1);
    expect(await db.activation.findUniqueOrThrow({ where: { id: first.activation.id } })).toMatchObject({ status: "DEAD" });
    expect((await activateLicense({ key, fingerprint: FP2 }, later)).code).toBe("ACTIVATED");
    expect(await db.activationRelease.count({ where: { licenseId: license.id, releasedBy: "HEARTBEAT" } })).toBe(1);
  });

  it("a fresh heartbeat written elsewhere rescues a stale cached copy", async () => {
    const { key } = await createLicensedPlan({ heartbeatIntervalSec: 60 });
    const act = await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    await call("/api/v1/licenses/validate", { key, fingerprint: FP });
    const later = Date.now() + 90_000;
    await db.activation.update({ where: { id: act.activation.id }, data: { lastHeartbeatAt: new Date(later - 1000) } });
    expect((await validateLicense({ key, fingerprint: FP }, later)).code).toBe("VALID");
  });
});

describe("signatures", () => {
  it("receipts and offline tokens verify with the published keys; tampering fails", async () => {
    const { key } = await createLicensedPlan({ offlineTokenTtlSec: 3600 });
    await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    const v = await call("/api/v1/licenses/validate", { key, fingerprint: FP, nonce: "client-nonce-123" });
    const keys = await publicKeyMap();
    const receipt = verifyToken<{ nonce: string; code: string; sub: string; exp: number }>(v.receipt, RECEIPT_TYPE, keys);
    expect(receipt).toMatchObject({ ok: true, payload: { nonce: "client-nonce-123", code: "VALID", sub: FP } });

    const t = await call("/api/v1/licenses/offline-token", { key, fingerprint: FP });
    expect(t.offlineToken).toBeTruthy();
    const offline = verifyToken<{ sub: string; exp: number }>(t.offlineToken, OFFLINE_TOKEN_TYPE, keys);
    expect(offline.ok && offline.payload.sub).toBe(FP);
    expect(verifyToken(t.offlineToken, RECEIPT_TYPE, keys)).toMatchObject({ ok: false, reason: "WRONG_TYPE" });
    const [h, p, s] = t.offlineToken.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), sub: FP2 })).toString("base64url");
    expect(verifyToken(`${h}.${forged}.${s}`, OFFLINE_TOKEN_TYPE, keys)).toMatchObject({ ok: false, reason: "BAD_SIGNATURE" });
    expect(verifyToken(t.offlineToken, OFFLINE_TOKEN_TYPE, keys, Date.now() / 1000 + 7200)).toMatchObject({ ok: false, reason: "EXPIRED" });

    const notActivated = await call("/api/v1/licenses/offline-token", { key, fingerprint: FP2 });
    expect(notActivated).toMatchObject({ valid: false, code: "FINGERPRINT_MISMATCH", offlineToken: null });
  });

  it("the keys endpoint publishes the signing key as a JWKS", async () => {
    const res = await fetch(`${api.url}/api/v1/keys`).then((r) => r.json());
    expect(res.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", status: "active" });
  });
});

describe("background work and batches", () => {
  it("validations record last-seen in a batched write", async () => {
    const { key } = await createLicensedPlan();
    const act = await call("/api/v1/licenses/activate", { key, fingerprint: FP });
    await call("/api/v1/licenses/validate", { key, fingerprint: FP });
    expect(await flushLastSeen()).toBeGreaterThanOrEqual(1);
    expect((await db.activation.findUniqueOrThrow({ where: { id: act.activation.id } })).lastSeenAt).not.toBeNull();
  });

  it("a batch creates unassigned, distinct, immediately valid keys", async () => {
    const { plan } = await createLicensedPlan();
    const batch = await createLicenseBatch(system, { name: "Giveaway", planId: plan.id, count: 25 });
    expect(new Set(batch.keys.map((k) => k.key)).size).toBe(25);
    expect(await db.license.count({ where: { batchId: batch.batchId, userId: null } })).toBe(25);
    expect((await call("/api/v1/licenses/validate", { key: batch.keys[24]!.key })).code).toBe("VALID");
  });
});
