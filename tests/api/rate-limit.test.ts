// Rate limits of the licensing API (policies in lib/http/rate-limit.ts, scaled by
// RATE_LIMIT_SCALE) and the address block after repeated failed activations.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RATE_LIMIT_POLICIES } from "@/lib/http/rate-limit";
import { generateLicenseKey } from "@/lib/licensing/license-key";
import { createLicensedPlan } from "../support/factories";
import { post } from "../support/api-server";
import { startFreshApi } from "./support/fresh-api";

let api: Awaited<ReturnType<typeof startFreshApi>> | undefined;
afterAll(() => api?.close());

async function restart(scale: string) {
  await api?.close();
  api = await startFreshApi({ RATE_LIMIT_SCALE: scale });
  expect(api.env.RATE_LIMIT_SCALE).toBe(Number(scale));
  return api;
}

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("per-key limit of validate", () => {
  it("a burst on one key gets 429 with Retry-After, RateLimit-* headers and the error envelope", async () => {
    const { url, validateRoute } = await restart("0.05");
    const limit = Math.floor(RATE_LIMIT_POLICIES["api:validate:key"].limit * 0.05); // 15 a minute
    const { key } = await createLicensedPlan();
    const answers = [];
    for (let i = 0; i < limit + 3; i++) answers.push(await post(url, "/api/v1/licenses/validate", { key }, from("192.0.2.10")));

    expect(answers.slice(0, limit).map((a) => a.status)).toEqual(Array(limit).fill(200));
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe(String(limit));
    expect(answers.slice(0, limit).map((a) => Number(a.headers.get("ratelimit-remaining")))).toEqual(Array.from({ length: limit }, (_, i) => limit - 1 - i));

    for (const refused of answers.slice(limit)) {
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: { code: "RATE_LIMITED", message: expect.any(String) } });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_POLICIES["api:validate:key"].windowSec);
      expect(refused.headers.get("ratelimit-limit")).toBe(String(limit));
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      expect(Number(refused.headers.get("ratelimit-reset"))).toBe(retryAfter);
    }

    // The limit is per key (another key from the same address still answers) and shared by
    // both serving paths (the route handler refuses the exhausted key too).
    const other = await post(url, "/api/v1/licenses/validate", { key: generateLicenseKey() }, from("192.0.2.10"));
    expect(other.status).toBe(200);
    const viaRoute = await validateRoute.POST(
      new Request("http://localhost/api/v1/licenses/validate", { method: "POST", headers: { "content-type": "application/json", ...from("192.0.2.11") }, body: JSON.stringify({ key }) }),
      { params: Promise.resolve({}) },
    );
    expect(viaRoute.status).toBe(429);
    expect(viaRoute.headers.get("retry-after")).toBeTruthy();
  });
});

describe("address block after failed activations", () => {
  it("blocks the address (even for valid keys), audits it once, spares other addresses, and lifts when it expires", async () => {
    const { url, limits } = await restart("0.25");
    const blockSec = 1;
    limits.setAddressBlockPolicy({ blockSec });
    try {
      const threshold = Math.floor(RATE_LIMIT_POLICIES["api:failed-activation:ip"].limit * 0.25); // 5 in 10 minutes
      const { key, license } = await createLicensedPlan({ seats: 5 });
      const attacker = from("198.51.100.7");
      const auditsBefore = await db.auditLog.count({ where: { action: "api.address_blocked" } });

      for (let i = 0; i < threshold - 1; i++) {
        const res = await post(url, "/api/v1/licenses/activate", { key: generateLicenseKey(), fingerprint: "attacker-device-0001" }, attacker);
        expect(res.body.code).toBe("NOT_FOUND");
      }
      // Below the threshold the address is still served.
      expect((await post(url, "/api/v1/licenses/validate", { key }, attacker)).status).toBe(200);
      expect(await db.auditLog.count({ where: { action: "api.address_blocked" } })).toBe(auditsBefore);

      const tipping = await post(url, "/api/v1/licenses/activate", { key: generateLicenseKey(), fingerprint: "attacker-device-0001" }, attacker);
      expect(tipping.body.code).toBe("NOT_FOUND");
      const audit = await db.auditLog.findMany({ where: { action: "api.address_blocked" }, orderBy: { createdAt: "desc" } });
      expect(audit).toHaveLength(auditsBefore + 1);
      expect(audit[0]).toMatchObject({ actorType: "SYSTEM", ip: "198.51.100.7", data: { reason: "failed-activations", lastCode: "NOT_FOUND" } });

      for (const [path, body] of [["/api/v1/licenses/activate", { key, fingerprint: "attacker-device-0002" }], ["/api/v1/licenses/validate", { key }]] as const) {
        const blocked = await post(url, path, body, attacker);
        expect(blocked.status, path).toBe(429);
        expect(blocked.body.error.code).toBe("RATE_LIMITED");
        expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(blockSec);
      }

      const neighbour = await post(url, "/api/v1/licenses/activate", { key, fingerprint: "neighbour-device-0001" }, from("198.51.100.8"));
      expect(neighbour.body.code).toBe("ACTIVATED");

      // The block lifts when it expires (the store's TTL and the stored end agree).
      await new Promise((resolve) => setTimeout(resolve, blockSec * 1000 + 200));
      const after = await post(url, "/api/v1/licenses/activate", { key, fingerprint: "attacker-device-0002" }, attacker);
      expect(after.status).toBe(200);
      expect(after.body.code).toBe("ACTIVATED");
      expect(await db.activation.count({ where: { licenseId: license.id, status: "ACTIVE" } })).toBe(2);
      expect(await db.auditLog.count({ where: { action: "api.address_blocked" } })).toBe(auditsBefore + 1);
    } finally {
      limits.setAddressBlockPolicy();
    }
  });
});
