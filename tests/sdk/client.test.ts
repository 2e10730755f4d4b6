import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECISION_CODES as SERVER_CODES } from "@/lib/licensing/codes";
import { createLicensedPlan } from "../support/factories";
import { startApiServer } from "../support/api-server";
import { DECISION_CODES, KeyfrontApiError, KeyfrontClient, decodeToken, verifyOfflineToken, verifyReceipt, type Jwks } from "../../sdk/src/index.js";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const FP = "sdk-device-fingerprint-0001";
const OTHER_FP = "sdk-device-fingerprint-0002";

describe("KeyfrontClient against the API", () => {
  it("activates, validates with a fresh nonce, and the receipt verifies offline with the JWKS", async () => {
    const { key, license, product } = await createLicensedPlan({ entitlements: ["pro"] });
    const client = new KeyfrontClient({ baseUrl: `${api.url}/`, product: product.slug, locale: "de-DE" });

    const activated = await client.activate({ key, fingerprint: FP, label: "Laptop" });
    expect(activated).toMatchObject({ valid: true, code: "ACTIVATED", created: true, offline: false, activation: { identifier: FP, label: "Laptop", kind: "fingerprint" } });
    expect((await client.activate({ key, fingerprint: FP })).code).toBe("ALREADY_ACTIVATED");

    const decision = await client.validate({ key, fingerprint: FP, entitlements: ["pro"] });
    expect(decision).toMatchObject({ valid: true, code: "VALID", offline: false, license: { id: license.id, entitlements: ["pro"] } });
    expect(decision.message).not.toBe(decision.detail); // localized by the locale option
    expect(decision.receiptPayload).toMatchObject({ lic: license.id, valid: true, code: "VALID", sub: FP, act: activated.activation!.id });
    expect(decision.receiptPayload.nonce.length).toBeGreaterThanOrEqual(16);

    // Anyone holding the JWKS can check the receipt without the client.
    const jwks = (await (await fetch(`${api.url}/api/v1/keys`)).json()) as Jwks;
    const offline = await verifyReceipt(decision.receipt, { jwks });
    expect(offline).toMatchObject({ ok: true, payload: { lic: license.id, code: "VALID" } });
    expect(await client.getKeys()).toEqual(jwks);

    // Two validations carry two different nonces.
    const again = await client.validate({ key, fingerprint: FP });
    expect(again.receiptPayload.nonce).not.toBe(decision.receiptPayload.nonce);

    const wrong = await client.validate({ key, fingerprint: OTHER_FP });
    expect(wrong).toMatchObject({ valid: false, code: "FINGERPRINT_MISMATCH", offline: false });
    expect((await client.validate({ key, fingerprint: FP, entitlements: ["enterprise"] })).code).toBe("ENTITLEMENT_MISSING");
  });

  it("checks out an offline token bound to the fingerprint", async () => {
    const { key, license } = await createLicensedPlan({ offlineTokenTtlSec: 7 * 86_400, entitlements: ["pro"] });
    const client = new KeyfrontClient({ baseUrl: api.url });
    await client.activate({ key, fingerprint: FP });

    const out = await client.checkoutOfflineToken({ key, fingerprint: FP, ttlSec: 3600 });
    expect(out).toMatchObject({ valid: true, code: "VALID", offlineTokenPayload: { lic: license.id, kind: "fingerprint", sub: FP, ent: ["pro"] } });
    const token = out.offlineToken!;
    expect(decodeToken(token)?.header).toMatchObject({ alg: "EdDSA", typ: "kf-offline+jwt" });
    const p = out.offlineTokenPayload!;
    expect(p.exp - p.iat).toBe(3600);
    expect(Date.parse(out.offlineTokenExpiresAt!)).toBe(p.exp * 1000);

    const jwks = await client.getKeys();
    expect(await verifyOfflineToken(token, { jwks, fingerprint: FP })).toMatchObject({ ok: true, payload: { sub: FP } });
    expect(await verifyOfflineToken(token, { jwks, fingerprint: ` ${FP} ` })).toMatchObject({ ok: true });
    expect(await verifyOfflineToken(token, { jwks, fingerprint: OTHER_FP })).toEqual({ ok: false, reason: "SUBJECT_MISMATCH" });
    expect(await verifyOfflineToken(token, { jwks, domain: "example.com" })).toEqual({ ok: false, reason: "SUBJECT_MISMATCH" });
    expect(await verifyOfflineToken(token, { jwks, fingerprint: FP, product: "another-product" })).toEqual({ ok: false, reason: "PRODUCT_MISMATCH" });
    expect(await client.verifyOfflineToken(token, { fingerprint: FP })).toMatchObject({ ok: true });

    // A device without an activation gets a decision, no token.
    const refused = await client.checkoutOfflineToken({ key, fingerprint: OTHER_FP });
    expect(refused).toMatchObject({ valid: false, code: "FINGERPRINT_MISMATCH", offlineToken: null, offlineTokenPayload: null });
  });

  it("binds site licenses to the normalized domain", async () => {
    const { key } = await createLicensedPlan({ licenseType: "SITE" });
    const client = new KeyfrontClient({ baseUrl: api.url });
    const activated = await client.activate({ key, domain: "https://www.Shop-Example.com/checkout" });
    expect(activated.activation).toMatchObject({ kind: "domain", identifier: "shop-example.com" });
    const out = await client.checkoutOfflineToken({ key, domain: "shop-example.com" });
    const jwks = await client.getKeys();
    expect(await verifyOfflineToken(out.offlineToken!, { jwks, domain: "WWW.shop-example.com:443" })).toMatchObject({ ok: true });
    expect(await verifyOfflineToken(out.offlineToken!, { jwks, domain: "other-shop.com" })).toEqual({ ok: false, reason: "SUBJECT_MISMATCH" });
    expect(await verifyOfflineToken(out.offlineToken!, { jwks, fingerprint: "shop-example.com-as-fp" })).toEqual({ ok: false, reason: "SUBJECT_MISMATCH" });
  });

  it("sends heartbeats and deactivates", async () => {
    const { key } = await createLicensedPlan({ heartbeatIntervalSec: 3600 });
    const client = new KeyfrontClient({ baseUrl: api.url });
    const { activation } = await client.activate({ key, fingerprint: FP });
    const beat = await client.heartbeat({ key, activationId: activation!.id });
    expect(beat).toMatchObject({ valid: true, code: "HEARTBEAT_OK", activation: { id: activation!.id } });
    expect((await client.heartbeat({ key, activationId: "act_unknown" })).valid).toBe(false);

    const released = await client.deactivate({ key, activationId: activation!.id });
    expect(released).toMatchObject({ valid: false, code: "DEACTIVATED", offline: false });
    expect((await client.validate({ key, fingerprint: FP })).code).toBe("NOT_ACTIVATED");
  });

  it("maps API errors to KeyfrontApiError with status, code and fields", async () => {
    const client = new KeyfrontClient({ baseUrl: api.url });
    const err = await client.activate({ key: "KF-1", fingerprint: "short" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeyfrontApiError);
    expect(err).toMatchObject({ status: 422, code: "VALIDATION_FAILED", retryAfter: null });
    expect(Object.keys((err as KeyfrontApiError).fields)).toContain("fingerprint");
    expect((err as KeyfrontApiError).requestId).toBeTruthy();

    const both = await client.validate({ key: "KF-1", fingerprint: FP, domain: "example.com" } as never).catch((e: unknown) => e);
    expect(both).toMatchObject({ status: 422, fields: { domain: [expect.any(String)] } });
  });

  it("reads Retry-After from refused requests", async () => {
    const fake = async () => new Response(JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many requests." } }), { status: 429, headers: { "retry-after": "7" } });
    const client = new KeyfrontClient({ baseUrl: "http://keyfront.invalid", fetch: fake });
    await expect(client.validate({ key: "KF-1" })).rejects.toMatchObject({ name: "KeyfrontApiError", status: 429, code: "RATE_LIMITED", retryAfter: 7, fields: {} });
  });

  it("knows every decision code the API answers with", () => {
    expect([...DECISION_CODES].sort()).toEqual([...SERVER_CODES].sort());
  });
});
