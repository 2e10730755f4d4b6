import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createLicensedPlan } from "../support/factories";
import { post, startApiServer } from "../support/api-server";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const fp = (n: number) => `device-fingerprint-${String(n).padStart(4, "0")}`;

/** As a real client does: a 503 (server busy, nothing changed) is retried after Retry-After. */
async function activateWithRetry(body: object) {
  for (let attempt = 0; ; attempt++) {
    const res = await post(api.url, "/api/v1/licenses/activate", body);
    if (res.status !== 503 || attempt >= 20) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 1000));
  }
}

describe("activation under concurrency", () => {
  it("100 parallel activations on a 5-seat license create exactly 5", async () => {
    const { key, license } = await createLicensedPlan({ seats: 5 });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => activateWithRetry({ key, fingerprint: fp(i) })));
    expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual([]);
    const codes = answers.map((a) => a.body.code);
    expect(codes.filter((c) => c === "ACTIVATED")).toHaveLength(5);
    expect(codes.filter((c) => c === "ACTIVATION_LIMIT_REACHED")).toHaveLength(95);
    expect(await db.activation.count({ where: { licenseId: license.id, status: "ACTIVE" } })).toBe(5);
  });

  it("the same fingerprint activated twice at once is one activation", async () => {
    const { key, license } = await createLicensedPlan({ seats: 5 });
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(api.url, "/api/v1/licenses/activate", { key, fingerprint: fp(1), label: "Laptop" })));
    expect(answers.map((a) => a.body.code).sort()).toEqual(["ACTIVATED", "ALREADY_ACTIVATED", "ALREADY_ACTIVATED", "ALREADY_ACTIVATED"]);
    expect(new Set(answers.map((a) => a.body.activation.id)).size).toBe(1);
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it("validates after activation and answers the activation's state", async () => {
    const { key } = await createLicensedPlan({ seats: 2, entitlements: ["pro"] });
    await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: fp(7) });
    const ok = await post(api.url, "/api/v1/licenses/validate", { key, fingerprint: fp(7), entitlements: ["pro"] }, { "accept-language": "de-DE,de;q=0.9" });
    expect(ok.body).toMatchObject({ valid: true, code: "VALID", license: { activationsUsed: 1, activationsLimit: 2, entitlements: ["pro"] }, activation: { identifier: fp(7) } });
    expect(ok.body.message).not.toBe(ok.body.detail);
    expect(ok.body.receipt.split(".")).toHaveLength(3);
    expect(ok.headers.get("ratelimit-limit")).toBeTruthy();
    const other = await post(api.url, "/api/v1/licenses/validate", { key, fingerprint: fp(8) });
    expect(other.body).toMatchObject({ valid: false, code: "FINGERPRINT_MISMATCH" });
  });

  it("rejects malformed input with the error envelope and changes nothing", async () => {
    const { license } = await createLicensedPlan();
    for (const body of ["{", "[]", JSON.stringify({ key: 5 }), JSON.stringify({ key: "KF-1", fingerprint: "short" })]) {
      const res = await post(api.url, "/api/v1/licenses/activate", body);
      expect([400, 422]).toContain(res.status);
      expect(res.body.error.code).toMatch(/BAD_REQUEST|VALIDATION_FAILED/);
    }
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(0);
  });
});
