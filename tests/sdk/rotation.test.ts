import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateSigningKey } from "@/lib/licensing/signing/signing-keys";
import { createLicensedPlan } from "../support/factories";
import { startApiServer } from "../support/api-server";
import { KeyfrontClient, decodeToken, verifyOfflineToken, verifyReceipt, type Jwks } from "../../sdk/src/index.js";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const FP = "rotation-device-fingerprint-1";
const jwksNow = async () => (await (await fetch(`${api.url}/api/v1/keys`)).json()) as Jwks;

describe("signing key rotation", () => {
  it("old tokens keep verifying, new receipts carry the new kid, the client refetches the JWKS", async () => {
    const { key } = await createLicensedPlan({ offlineTokenTtlSec: 30 * 86_400 });
    const client = new KeyfrontClient({ baseUrl: api.url });
    await client.activate({ key, fingerprint: FP });
    const before = await client.validate({ key, fingerprint: FP });
    const out = await client.checkoutOfflineToken({ key, fingerprint: FP });
    const oldKid = decodeToken(out.offlineToken!)!.header.kid;
    expect(decodeToken(before.receipt)!.header.kid).toBe(oldKid);
    expect((await client.getKeys()).keys.map((k) => k.kid)).toEqual([oldKid]);

    const rotated = await rotateSigningKey();
    expect(rotated.retired).toEqual([oldKid]);
    expect(rotated.kid).not.toBe(oldKid);

    // The JWKS published after rotation holds both keys; the old one is retired.
    const after = await jwksNow();
    expect(after.keys.find((k) => k.kid === oldKid)).toMatchObject({ status: "retired", publishUntil: expect.any(String) });
    expect(after.keys.find((k) => k.kid === rotated.kid)).toMatchObject({ status: "active" });
    expect(await verifyOfflineToken(out.offlineToken!, { jwks: after, fingerprint: FP })).toMatchObject({ ok: true });
    expect(await verifyReceipt(before.receipt, { jwks: after })).toMatchObject({ ok: true });

    // The client still holds the old JWKS: a receipt with the new kid makes it fetch again.
    const next = await client.validate({ key, fingerprint: FP });
    expect(next).toMatchObject({ valid: true, code: "VALID" });
    expect(decodeToken(next.receipt)!.header.kid).toBe(rotated.kid);
    expect((await client.getKeys()).keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.kid].sort());
    expect(await client.verifyOfflineToken(out.offlineToken!, { fingerprint: FP })).toMatchObject({ ok: true });

    const fresh = await client.checkoutOfflineToken({ key, fingerprint: FP });
    expect(decodeToken(fresh.offlineToken!)!.header.kid).toBe(rotated.kid);
    // Against the keys known before the rotation, the new token names an unknown kid.
    expect(await verifyOfflineToken(fresh.offlineToken!, { jwks: { keys: after.keys.filter((k) => k.kid === oldKid) }, fingerprint: FP })).toEqual({ ok: false, reason: "UNKNOWN_KEY" });
  });
});
