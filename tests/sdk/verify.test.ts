import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync, sign } from "node:crypto";
import { createLicensedPlan } from "../support/factories";
import { startApiServer } from "../support/api-server";
import { KeyfrontClient, KeyfrontVerificationError, decodeToken, verifyOfflineToken, verifyReceipt, type Jwks } from "../../sdk/src/index.js";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const FP = "verify-device-fingerprint-01";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".") as [string, string, string];

/** Real tokens from the API: an invalid receipt, a valid one and an offline token. */
async function issued() {
  const { key, license } = await createLicensedPlan({ seats: 1 });
  const client = new KeyfrontClient({ baseUrl: api.url });
  await client.activate({ key, fingerprint: FP });
  const valid = await client.validate({ key, fingerprint: FP });
  const refused = await client.validate({ key, fingerprint: "verify-device-fingerprint-99" });
  const offline = await client.checkoutOfflineToken({ key, fingerprint: FP });
  const jwks = (await (await fetch(`${api.url}/api/v1/keys`)).json()) as Jwks;
  return { client, license, jwks, valid: valid.receipt, refused: refused.receipt, offline: offline.offlineToken! };
}

/** Changes one character of the payload so that it still decodes to JSON, but differently. */
function flipPayloadCharacter(token: string): string {
  const [h, p, s] = parts(token);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let i = Math.floor(p.length / 2); i < p.length; i++) {
    for (const c of alphabet) {
      if (c === p[i]) continue;
      const flipped = p.slice(0, i) + c + p.slice(i + 1);
      try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(flipped, "base64url"));
        JSON.parse(text);
        return `${h}.${flipped}.${s}`;
      } catch {
        // keep looking for a change that still parses
      }
    }
  }
  throw new Error("no flip found");
}

describe("offline verification of receipts and tokens", () => {
  it("rejects tampered tokens with BAD_SIGNATURE", async () => {
    const { jwks, valid, refused, offline } = await issued();
    expect(await verifyReceipt(refused, { jwks })).toMatchObject({ ok: true, payload: { valid: false, code: "FINGERPRINT_MISMATCH" } });

    // Re-encode an invalid decision as valid, keeping the original signature.
    const [h, p, s] = parts(refused);
    const forged = { ...JSON.parse(Buffer.from(p, "base64url").toString()), valid: true, code: "VALID" };
    expect(await verifyReceipt(`${h}.${b64(forged)}.${s}`, { jwks })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });

    // One character of the payload, still valid JSON.
    expect(await verifyReceipt(flipPayloadCharacter(valid), { jwks })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(await verifyOfflineToken(flipPayloadCharacter(offline), { jwks, fingerprint: FP })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });

    // Offline token moved to another device.
    const [oh, op, os] = parts(offline);
    const moved = { ...JSON.parse(Buffer.from(op, "base64url").toString()), sub: "another-device-fingerprint" };
    expect(await verifyOfflineToken(`${oh}.${b64(moved)}.${os}`, { jwks, fingerprint: "another-device-fingerprint" })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });

    // A signature from the right kid but another key; alg none.
    const { privateKey } = generateKeyPairSync("ed25519");
    const otherSig = sign(null, Buffer.from(`${h}.${p}`), privateKey).toString("base64url");
    expect(await verifyReceipt(`${h}.${p}.${otherSig}`, { jwks })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    const none = b64({ ...JSON.parse(Buffer.from(h, "base64url").toString()), alg: "none" });
    expect(await verifyReceipt(`${none}.${p}.`, { jwks })).toMatchObject({ ok: false });
    expect(await verifyReceipt(`${none}.${p}.${s}`, { jwks })).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("reports EXPIRED past exp, WRONG_TYPE across token kinds, MALFORMED garbage", async () => {
    const { jwks, valid, offline } = await issued();
    const exp = decodeToken(valid)!.payload.exp as number;
    expect(await verifyReceipt(valid, { jwks, now: exp * 1000 - 1000 })).toMatchObject({ ok: true });
    expect(await verifyReceipt(valid, { jwks, now: exp * 1000 })).toEqual({ ok: false, reason: "EXPIRED" });
    expect(await verifyReceipt(valid, { jwks, now: new Date((exp + 3600) * 1000) })).toEqual({ ok: false, reason: "EXPIRED" });
    const offlineExp = decodeToken(offline)!.payload.exp as number;
    expect(await verifyOfflineToken(offline, { jwks, fingerprint: FP, now: (offlineExp + 1) * 1000 })).toEqual({ ok: false, reason: "EXPIRED" });

    expect(await verifyReceipt(offline, { jwks })).toEqual({ ok: false, reason: "WRONG_TYPE" });
    expect(await verifyOfflineToken(valid, { jwks, fingerprint: FP })).toEqual({ ok: false, reason: "WRONG_TYPE" });

    for (const garbage of ["", "abc", "a.b", "a.b.c.d", "!!.??.**", `${b64("text")}.${b64({})}.x`, `${parts(valid)[0]}.${parts(valid)[1]}.@@`]) {
      expect(await verifyReceipt(garbage, { jwks })).toEqual({ ok: false, reason: "MALFORMED" });
    }
  });

  it("reports UNKNOWN_KEY for a kid the JWKS does not hold", async () => {
    const { jwks, valid, client } = await issued();
    expect(await verifyReceipt(valid, { jwks: { keys: [] } })).toEqual({ ok: false, reason: "UNKNOWN_KEY" });
    expect(await verifyReceipt(valid, { jwks: jwks.keys.map((k) => ({ ...k, kid: "someone-else" })) })).toEqual({ ok: false, reason: "UNKNOWN_KEY" });

    // A token signed by a stranger's key under an invented kid.
    const { privateKey } = generateKeyPairSync("ed25519");
    const h = b64({ alg: "EdDSA", typ: "kf-receipt+jwt", kid: "invented-kid" });
    const p = b64({ valid: true, code: "VALID", exp: Math.floor(Date.now() / 1000) + 3600 });
    const stranger = `${h}.${p}.${sign(null, Buffer.from(`${h}.${p}`), privateKey).toString("base64url")}`;
    expect(await verifyReceipt(stranger, { jwks })).toEqual({ ok: false, reason: "UNKNOWN_KEY" });
    expect(await client.verifyReceipt(stranger)).toEqual({ ok: false, reason: "UNKNOWN_KEY" });
  });

  it("refuses an answer whose receipt does not match it", async () => {
    const { key } = await createLicensedPlan();
    const tamper = (mutate: (body: Record<string, unknown>) => void) => async (input: string, init: RequestInit) => {
      const res = await fetch(input, init);
      if (!input.endsWith("/validate")) return res;
      const body = (await res.json()) as Record<string, unknown>;
      mutate(body);
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
    };
    const flipped = new KeyfrontClient({ baseUrl: api.url, fetch: tamper((b) => { b.valid = !b.valid; }) });
    await expect(flipped.validate({ key })).rejects.toMatchObject({ name: "KeyfrontVerificationError", reason: "RECEIPT_MISMATCH" });

    let replayed: unknown;
    const replay = new KeyfrontClient({ baseUrl: api.url, fetch: tamper((b) => { replayed ??= b.receipt; b.receipt = replayed; }) });
    await replay.validate({ key });
    const err = await replay.validate({ key }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeyfrontVerificationError);
    expect(err).toMatchObject({ reason: "NONCE_MISMATCH" });

    const forged = new KeyfrontClient({ baseUrl: api.url, fetch: tamper((b) => { b.receipt = flipPayloadCharacter(b.receipt as string); }) });
    await expect(forged.validate({ key })).rejects.toMatchObject({ reason: "BAD_SIGNATURE" });
  });
});
