// Text PostgreSQL cannot store (NUL in text columns, unpaired surrogates in jsonb) is refused as
// invalid input by requests that would write it — not answered with a database error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { createLicensedPlan, createUser, viewerOf } from "../support/factories";
import { post, startApiServer } from "../support/api-server";
import { dbFingerprint } from "./support/db-fingerprint";

let api: Awaited<ReturnType<typeof startApiServer>>;
let apiKey: string;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
  const admin = viewerOf(await createUser({ role: "ADMIN" }));
  apiKey = (await createApiKey(admin, { name: "writes", scopes: ["licenses:read", "licenses:write"] })).key;
});
afterAll(() => api.close());

const BAD_TEXT = ["Laptop\u0000", "\ud800", "x\udc00y"];

describe("text the database cannot store", () => {
  it("an activation label with NUL or an unpaired surrogate is a 422 and writes nothing", async () => {
    const { key } = await createLicensedPlan();
    const before = await dbFingerprint();
    for (const label of BAD_TEXT) {
      const res = await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: "device-fingerprint-0001", label });
      expect(res.status).toBe(422);
      expect(res.body.error.fields.label).toBeTruthy();
    }
    expect(await dbFingerprint()).toEqual(before);
    const ok = await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: "device-fingerprint-0001", label: "Laptop 😀" });
    expect(ok.body.code).toBe("ACTIVATED");
  });

  it("a management reason or plan id with NUL or an unpaired surrogate is a 422 and writes nothing", async () => {
    const { license, plan } = await createLicensedPlan();
    const auth = { authorization: `Bearer ${apiKey}` };
    const before = await dbFingerprint();
    for (const reason of BAD_TEXT) {
      const res = await post(api.url, `/api/v1/admin/licenses/${license.id}/suspend`, { reason }, auth);
      expect(res.status).toBe(422);
    }
    const created = await post(api.url, "/api/v1/admin/licenses", { planId: `${plan.id}\u0000` }, auth);
    expect(created.status).toBe(422);
    expect(await dbFingerprint()).toEqual(before);
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).status).toBe("ACTIVE");
  });

  it("a NUL in a path parameter or the query is a 400", async () => {
    const auth = { authorization: `Bearer ${apiKey}` };
    for (const path of ["/api/v1/admin/licenses/lic%00x", "/api/v1/admin/licenses?cursor=%00", "/api/v1/admin/licenses?q=a%00b"]) {
      const res = await fetch(`${api.url}${path}`, { headers: auth });
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code).toBe("BAD_REQUEST");
    }
    const res = await post(api.url, "/api/v1/admin/licenses/lic%00x/revoke", {}, auth);
    expect(res.status).toBe(400);
  });
});
