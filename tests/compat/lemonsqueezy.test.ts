// Lemon Squeezy License API shape: activate / validate / deactivate with the JSON, error strings
// and HTTP statuses Lemon Squeezy clients read, form-encoded and JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { revokeLicense } from "@/lib/licensing/change-license";
import { startApiServer } from "../support/api-server";
import { createLicensedPlan } from "../support/factories";
import { postForm, postJson, seedPurchasedLicense, SYSTEM } from "./compat-support";

const LS = "/api/compat/lemonsqueezy/v1/licenses";
let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const LS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const activate = (license_key: string, instance_name: string) => postForm(api.url, `${LS}/activate`, { license_key, instance_name });

describe("Lemon Squeezy activate", () => {
  it("creates a new instance per call on a software license and answers license_key, instance and meta", async () => {
    const { key, license, product, plan, user, order, orderItem } = await seedPurchasedLicense({ seats: 2 });
    const res = await activate(key, "Ada's MacBook");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      activated: true,
      error: null,
      license_key: {
        id: license.id, status: "active", key, activation_limit: 2, activation_usage: 1,
        created_at: expect.stringMatching(LS_TIME), expires_at: null, test_mode: false,
      },
      instance: { id: expect.stringMatching(/^act_/), name: "Ada's MacBook", created_at: expect.stringMatching(LS_TIME) },
      meta: {
        store_id: 1, order_id: order.id, order_item_id: orderItem.id, product_id: product.id, product_name: product.name,
        variant_id: plan.id, variant_name: plan.name, customer_id: user.id, customer_name: "Ada Lovelace", customer_email: user.email,
      },
    });
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();

    // Activating with the same name again is another instance, as on Lemon Squeezy.
    const second = await postJson(api.url, `${LS}/activate`, { license_key: key, instance_name: "Ada's MacBook" });
    expect(second.body).toMatchObject({ activated: true, license_key: { activation_usage: 2 } });
    expect(second.body.instance.id).not.toBe(res.body.instance.id);
    const rows = await db.activation.findMany({ where: { licenseId: license.id }, select: { id: true, kind: true, identifier: true, label: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ kind: "FINGERPRINT", identifier: expect.stringMatching(/^instance-[0-9a-f-]{36}$/), label: "Ada's MacBook" });

    const full = await activate(key, "Third");
    expect(full.status).toBe(400);
    expect(full.body).toMatchObject({
      activated: false, error: "This license key has reached the activation limit.", instance: null,
      license_key: { status: "active", activation_limit: 2, activation_usage: 2 }, meta: { product_id: product.id },
    });
  });

  it("treats instance_name as the domain on a site license", async () => {
    const { key, license } = await createLicensedPlan({ licenseType: "SITE", seats: 2 });
    const first = await activate(key, "https://www.example.com/");
    const again = await activate(key, "example.com");
    expect(again.body).toMatchObject({ activated: true, license_key: { activation_usage: 1 } });
    expect(again.body.instance.id).toBe(first.body.instance.id);
    expect(await db.activation.findMany({ where: { licenseId: license.id }, select: { identifier: true } })).toEqual([{ identifier: "example.com" }]);
    const bad = await activate(key, "not a domain!");
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({ activated: false, error: "The instance_name must be the site's domain for a site license." });
  });

  it("refuses unknown, expired and disabled keys and missing fields", async () => {
    const unknown = await activate("KF-00000-00000-00000-00000", "x");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ activated: false, error: "license_key not found.", license_key: null, instance: null, meta: null });

    const expired = await createLicensedPlan({ expiresAt: new Date("2024-01-01T00:00:00Z") });
    const late = await activate(expired.key, "x");
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ activated: false, error: "This license key has expired.", license_key: { status: "expired", expires_at: "2024-01-01T00:00:00.000000Z" } });

    const revoked = await createLicensedPlan();
    await revokeLicense(SYSTEM, revoked.license.id, "refund");
    const off = await activate(revoked.key, "x");
    expect(off.status).toBe(400);
    expect(off.body).toMatchObject({ activated: false, error: "This license key is disabled.", license_key: { status: "disabled" } });

    const missing = await postForm(api.url, `${LS}/activate`, { license_key: revoked.key });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ activated: false, error: "The instance_name field is required." });
  });
});

describe("Lemon Squeezy validate", () => {
  it("validates the key alone and an instance (JSON and form)", async () => {
    const { key } = await seedPurchasedLicense({ seats: 3 });
    const fresh = await postJson(api.url, `${LS}/validate`, { license_key: key });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ valid: true, error: null, license_key: { status: "inactive", activation_usage: 0 }, instance: null, meta: { store_id: 1 } });

    const instance = (await activate(key, "Build server")).body.instance;
    const byInstance = await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: instance.id });
    expect(byInstance.body).toMatchObject({ valid: true, error: null, license_key: { status: "active", activation_usage: 1 }, instance: { id: instance.id, name: "Build server" } });
    expect((await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: "" })).body).toMatchObject({ valid: true, instance: null });

    const stranger = await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: "act_NOPE" });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ valid: false, error: "instance_id not found.", instance: null, license_key: { activation_usage: 1 } });
  });

  it("answers expired and disabled keys with valid: false and unknown keys with 404", async () => {
    const expired = await createLicensedPlan({ expiresAt: new Date("2024-06-30T12:00:00Z") });
    const late = await postForm(api.url, `${LS}/validate`, { license_key: expired.key });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ valid: false, error: "This license key has expired.", license_key: { status: "expired", expires_at: "2024-06-30T12:00:00.000000Z" } });

    const revoked = await createLicensedPlan();
    const instance = (await activate(revoked.key, "Desk")).body.instance;
    await revokeLicense(SYSTEM, revoked.license.id, "chargeback");
    const off = await postJson(api.url, `${LS}/validate`, { license_key: revoked.key, instance_id: instance.id });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ valid: false, error: "This license key is disabled.", license_key: { status: "disabled" }, instance: { id: instance.id } });

    const unknown = await postJson(api.url, `${LS}/validate`, { license_key: "KF-00000-00000-00000-00000" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ valid: false, error: "license_key not found." });
    const blank = await postJson(api.url, `${LS}/validate`, {});
    expect(blank.status).toBe(422);
    expect(blank.body).toEqual({ valid: false, error: "The license_key field is required." });
  });
});

describe("Lemon Squeezy deactivate", () => {
  it("removes the instance and frees its seat", async () => {
    const { key, product } = await seedPurchasedLicense({ seats: 1 });
    const instance = (await activate(key, "Old laptop")).body.instance;
    const res = await postForm(api.url, `${LS}/deactivate`, { license_key: key, instance_id: instance.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      deactivated: true, error: null,
      license_key: expect.objectContaining({ status: "inactive", activation_limit: 1, activation_usage: 0 }),
      meta: expect.objectContaining({ product_id: product.id }),
    });
    expect(res.body).not.toHaveProperty("instance");

    const twice = await postJson(api.url, `${LS}/deactivate`, { license_key: key, instance_id: instance.id });
    expect(twice.status).toBe(404);
    expect(twice.body).toMatchObject({ deactivated: false, error: "instance_id not found." });
    expect((await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: instance.id })).status).toBe(404);
    expect((await activate(key, "New laptop")).body).toMatchObject({ activated: true, license_key: { activation_usage: 1 } });

    const unknown = await postForm(api.url, `${LS}/deactivate`, { license_key: "KF-00000-00000-00000-00000", instance_id: instance.id });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ deactivated: false, error: "license_key not found." });
    const missing = await postForm(api.url, `${LS}/deactivate`, { license_key: key });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ deactivated: false, error: "The instance_id field is required." });
  });

  it("is served by the route handlers too", async () => {
    const { key } = await createLicensedPlan();
    const route = await import("@/app/api/compat/lemonsqueezy/v1/licenses/activate/route");
    const request = new Request(`http://keyfront.test${LS}/activate`, {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ license_key: key, instance_name: "Route" }),
    });
    const res = await route.POST(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ activated: true, instance: { name: "Route" } });
  });
});
