// Two API processes share one real Redis — one over RESP (REDIS_URL), one over Upstash REST —
// and each keeps its own in-process tier. A change made through either is seen by the other
// within a second, and a stale copy is never served as valid afterwards.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { createLicensedPlan, createUser, viewerOf } from "../support/factories";
import { post } from "../support/api-server";
import { startApiProcess, type ApiProcess } from "../support/api-processes";
import { startRedis, type RedisProcess } from "../support/redis-server";
import { startUpstashShim } from "../support/upstash-rest-shim";

let redis: RedisProcess;
let shim: Awaited<ReturnType<typeof startUpstashShim>>;
let viaResp: ApiProcess;
let viaUpstash: ApiProcess;
let apiKey: string;

beforeAll(async () => {
  redis = await startRedis();
  const token = randomBytes(16).toString("hex");
  shim = await startUpstashShim(redis.url, token);
  [viaResp, viaUpstash] = await Promise.all([
    startApiProcess({ REDIS_URL: redis.url }),
    startApiProcess({ UPSTASH_REDIS_REST_URL: shim.url, UPSTASH_REDIS_REST_TOKEN: token }),
  ]);
  const admin = await createUser({ role: "ADMIN" });
  apiKey = (await createApiKey(viewerOf(admin), { name: "cross-instance", scopes: ["licenses:read", "licenses:write"] })).key;
}, 120_000);

afterAll(async () => {
  await Promise.all([viaResp?.stop(), viaUpstash?.stop()]);
  await shim?.close();
  await redis?.stop();
});

const validate = async (server: ApiProcess, key: string, fingerprint?: string) =>
  (await post(server.url, "/api/v1/licenses/validate", { key, ...(fingerprint ? { fingerprint } : {}) })).body as { valid: boolean; code: string };

async function act(server: ApiProcess, licenseId: string, action: string, body: object = {}) {
  const res = await post(server.url, `/api/v1/admin/licenses/${licenseId}/${action}`, body, { authorization: `Bearer ${apiKey}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Milliseconds until `server` answers `code` for the key (polling every 10 ms), or fails at 5 s. */
async function msUntil(server: ApiProcess, key: string, code: string, fingerprint?: string): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 5_000) {
    if ((await validate(server, key, fingerprint)).code === code) {
      const ms = Date.now() - start;
      console.info(`${code} seen by ${server.url} after ${ms} ms`);
      return ms;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${server.url} did not answer ${code} within 5 s`);
}

/** Warms both tiers of `server` for the key: the answer comes from its local copy from now on. */
async function warm(server: ApiProcess, key: string, fingerprint?: string) {
  for (let i = 0; i < 20; i++) expect((await validate(server, key, fingerprint)).valid).toBe(true);
}

describe("invalidation across instances sharing Redis", () => {
  it("a revocation through one instance is seen by the other within 1 s, and never served as valid after", async () => {
    const { license, key } = await createLicensedPlan();
    await warm(viaUpstash, key);
    await warm(viaResp, key);
    await act(viaResp, license.id, "revoke", { reason: "chargeback" });
    expect(await msUntil(viaUpstash, key, "REVOKED")).toBeLessThan(1_000);
    const after = await Promise.all(Array.from({ length: 100 }, () => validate(viaUpstash, key)));
    expect(after.every((d) => !d.valid && d.code === "REVOKED")).toBe(true);
    expect((await validate(viaResp, key)).code).toBe("REVOKED");
  });

  it("suspend and reinstate travel both ways", async () => {
    const { license, key } = await createLicensedPlan();
    await warm(viaResp, key);
    await warm(viaUpstash, key);
    await act(viaUpstash, license.id, "suspend", { reason: "fraud review" });
    expect(await msUntil(viaResp, key, "SUSPENDED")).toBeLessThan(1_000);
    await act(viaResp, license.id, "reinstate");
    expect(await msUntil(viaUpstash, key, "VALID")).toBeLessThan(1_000);
    expect((await validate(viaResp, key)).code).toBe("VALID");
  });

  it("a deactivation through one instance frees the device on the other", async () => {
    const { key } = await createLicensedPlan({ activationLimit: 1 });
    const fingerprint = randomBytes(16).toString("hex");
    const activated = await post(viaResp.url, "/api/v1/licenses/activate", { key, fingerprint });
    expect(activated.body.valid).toBe(true);
    await warm(viaUpstash, key, fingerprint);
    const released = await post(viaResp.url, "/api/v1/licenses/deactivate", { key, fingerprint });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(await msUntil(viaUpstash, key, "NOT_ACTIVATED", fingerprint)).toBeLessThan(1_000);
  });

  it("with Redis unreachable, instances stop trusting their local copies and answer from the database", async () => {
    const { license, key } = await createLicensedPlan();
    await warm(viaUpstash, key);
    await warm(viaResp, key);
    await shim.close();
    await redis.stop();
    // The change cannot be published; both instances notice their polling failing.
    await act(viaResp, license.id, "revoke", { reason: "leaked" });
    expect(await msUntil(viaUpstash, key, "REVOKED")).toBeLessThan(4_000);
    expect((await validate(viaResp, key)).code).toBe("REVOKED");
  });
});
