// Easy Digital Downloads Software Licensing shape: the fields and values EDD clients read
// (EDD_SL_Plugin_Updater, the sample plugin's activate/check/deactivate), over GET and POST.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { revokeLicense, suspendLicense } from "@/lib/licensing/change-license";
import { startApiServer } from "../support/api-server";
import { createLicensedPlan } from "../support/factories";
import { getQuery, postForm, postJson, seedPurchasedLicense, SYSTEM } from "./compat-support";

const EDD = "/api/compat/edd";
let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const activeSites = (licenseId: string) =>
  db.activation.findMany({ where: { licenseId, status: "ACTIVE" }, select: { kind: true, identifier: true, label: true, countsToLimit: true } });

describe("EDD activate_license", () => {
  it("activates a site license by domain and answers every field EDD clients read (form POST)", async () => {
    const { key, license, product, plan, user, order } = await seedPurchasedLicense({ licenseType: "SITE", seats: 2 });
    const res = await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_name: product.name, url: "https://www.Example.com/shop/" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true, license: "valid", item_id: false, item_name: product.name, checksum: expect.stringMatching(/^[0-9a-f]{32}$/),
      license_limit: 2, site_count: 1, activations_left: 1, expires: "lifetime",
      payment_id: order.id, customer_name: "Ada Lovelace", customer_email: user.email, price_id: plan.id,
    });
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();
    expect(await activeSites(license.id)).toEqual([{ kind: "DOMAIN", identifier: "example.com", label: "https://www.Example.com/shop/", countsToLimit: true }]);

    // The same site again (spelled differently) is the same activation.
    const again = await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_name: product.name, url: "example.com" });
    expect(again.body).toMatchObject({ success: true, license: "valid", site_count: 1, activations_left: 1 });
  });

  it("answers no_activations_left when every seat is taken; local sites are free", async () => {
    const { key, product } = await createLicensedPlan({ licenseType: "SITE", seats: 1 });
    await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_id: product.id, url: "https://one-site.com" });
    const full = await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_id: product.id, url: "https://two-site.com" });
    expect(full.body).toMatchObject({
      success: false, license: "invalid", error: "no_activations_left", max_sites: 1, license_limit: 1, site_count: 1, activations_left: 0, item_id: product.id,
    });
    const local = await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_id: product.id, url: "http://localhost:8080" });
    expect(local.body).toMatchObject({ success: true, license: "valid", is_local: true, site_count: 1 });
  });

  it("refuses expired, revoked, suspended, unknown keys and other items with EDD's error values", async () => {
    const expiresAt = new Date("2024-03-05T06:07:08Z");
    const expired = await createLicensedPlan({ licenseType: "SITE", expiresAt });
    expect((await postForm(api.url, EDD, { edd_action: "activate_license", license: expired.key, url: "a.example" })).body).toMatchObject({
      success: false, license: "invalid", error: "expired", expires: "2024-03-05 06:07:08",
    });

    const revoked = await createLicensedPlan({ licenseType: "SITE" });
    await revokeLicense(SYSTEM, revoked.license.id, "refund");
    expect((await postForm(api.url, EDD, { edd_action: "activate_license", license: revoked.key, url: "a.example" })).body).toMatchObject({ success: false, license: "invalid", error: "revoked" });

    const suspended = await createLicensedPlan({ licenseType: "SITE" });
    await suspendLicense(SYSTEM, suspended.license.id, "review");
    expect((await postForm(api.url, EDD, { edd_action: "activate_license", license: suspended.key, url: "a.example" })).body).toMatchObject({ success: false, license: "invalid", error: "disabled" });

    const unknown = await postForm(api.url, EDD, { edd_action: "activate_license", license: "KF-00000-00000-00000-00000", url: "a.example" });
    expect(unknown.body).toEqual({ success: false, license: "invalid", item_id: false, item_name: "", checksum: expect.any(String), error: "missing" });

    const good = await createLicensedPlan({ licenseType: "SITE" });
    const wrongName = await postForm(api.url, EDD, { edd_action: "activate_license", license: good.key, item_name: "Another Plugin", url: "a.example" });
    expect(wrongName.body).toMatchObject({ success: false, license: "invalid", error: "item_name_mismatch", item_name: "Another Plugin", site_count: 0 });
    const wrongId = await postForm(api.url, EDD, { edd_action: "activate_license", license: good.key, item_id: "4711", url: "a.example" });
    expect(wrongId.body).toMatchObject({ success: false, error: "invalid_item_id", item_id: 4711 });
    expect(await db.activation.count({ where: { licenseId: good.license.id } })).toBe(0);
  });

  it("binds software licenses to a fingerprint derived from the URL, however it is spelled", async () => {
    const { key, license } = await createLicensedPlan({ licenseType: "SOFTWARE", seats: 3 });
    await postJson(api.url, EDD, { edd_action: "activate_license", license: key, url: "https://WWW.Example.com/" });
    const again = await postJson(api.url, EDD, { edd_action: "activate_license", license: key, url: "example.com" });
    expect(again.body).toMatchObject({ success: true, license: "valid", site_count: 1, activations_left: 2 });
    const desktop = await postJson(api.url, EDD, { edd_action: "activate_license", license: key, url: "C:\\Users\\ada\\App" });
    expect(desktop.body).toMatchObject({ success: true, site_count: 2 });
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    expect((await activeSites(license.id)).map((a) => a.identifier).sort()).toEqual([`edd-${sha("C:\\Users\\ada\\App")}`, `edd-${sha("example.com")}`].sort());
    expect((await postJson(api.url, EDD, { edd_action: "activate_license", license: key })).body).toMatchObject({ success: false, error: "missing_url" });
  });
});

describe("EDD check_license", () => {
  it("answers valid, site_inactive, inactive and item mismatches over a GET query string", async () => {
    const { key, product, order } = await seedPurchasedLicense({ licenseType: "SITE", seats: 3 });
    const check = (fields: Record<string, string>, headers?: Record<string, string>) => getQuery(api.url, EDD, { edd_action: "check_license", license: key, ...fields }, headers);

    expect((await check({ item_name: product.name, url: "example.com" })).body).toMatchObject({ success: true, license: "inactive", site_count: 0 });
    await postForm(api.url, EDD, { edd_action: "activate_license", license: key, item_name: product.name, url: "https://example.com" });

    // item_name as clients send it: urlencode()d, so "+" for spaces, in any case.
    const valid = await check({ item_name: encodeURIComponent(product.name.toUpperCase()).replace(/%20/g, "+"), url: "http://www.example.com/" });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      success: true, license: "valid", item_id: false, license_limit: 3, site_count: 1, activations_left: 2, expires: "lifetime",
      payment_id: order.id, customer_name: "Ada Lovelace", checksum: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect((await check({ item_id: product.slug, url: "example.com" })).body).toMatchObject({ success: true, license: "valid", item_id: product.slug });
    expect((await check({ item_id: product.id, url: "other.example" })).body).toMatchObject({ success: true, license: "site_inactive" });
    expect((await check({ item_name: "Something Else", url: "example.com" })).body).toMatchObject({ success: true, license: "item_name_mismatch" });
    expect((await check({ item_id: "999", url: "example.com" })).body).toMatchObject({ success: true, license: "invalid_item_id", item_id: 999 });
    // No url: WordPress names the site in its User-Agent, as EDD reads it.
    expect((await check({}, { "user-agent": "WordPress/6.5.2; https://example.com" })).body).toMatchObject({ license: "valid" });
    expect((await check({}, { "user-agent": "WordPress/6.5.2; https://elsewhere.example" })).body).toMatchObject({ license: "site_inactive" });
  });

  it("answers expired, disabled and invalid", async () => {
    const expired = await createLicensedPlan({ licenseType: "SITE", expiresAt: new Date("2023-01-02T03:04:05Z") });
    expect((await getQuery(api.url, EDD, { edd_action: "check_license", license: expired.key, url: "a.example" })).body).toMatchObject({
      success: true, license: "expired", expires: "2023-01-02 03:04:05",
    });
    const revoked = await createLicensedPlan({ licenseType: "SITE" });
    await postForm(api.url, EDD, { edd_action: "activate_license", license: revoked.key, url: "a.example" });
    await revokeLicense(SYSTEM, revoked.license.id, "chargeback");
    expect((await getQuery(api.url, EDD, { edd_action: "check_license", license: revoked.key, url: "a.example" })).body).toMatchObject({ success: true, license: "disabled" });
    const unknown = await getQuery(api.url, EDD, { edd_action: "check_license", license: "not-a-key", item_name: "Thing", url: "a.example" });
    expect(unknown.body).toEqual({ success: false, license: "invalid", item_id: false, item_name: "Thing", checksum: expect.any(String) });
  });
});

describe("EDD deactivate_license", () => {
  it("releases the site (JSON body) and frees its seat", async () => {
    const { key, license, product, plan } = await seedPurchasedLicense({ licenseType: "SITE", seats: 1 });
    await postForm(api.url, EDD, { edd_action: "activate_license", license: key, url: "https://example.com" });
    const wrongItem = await postJson(api.url, EDD, { edd_action: "deactivate_license", license: key, item_name: "Other", url: "example.com" });
    expect(wrongItem.body).toMatchObject({ success: false, license: "failed" });

    const res = await postJson(api.url, EDD, { edd_action: "deactivate_license", license: key, item_name: product.name, url: "https://example.com/" });
    expect(res.body).toEqual({
      success: true, license: "deactivated", item_id: false, item_name: product.name, checksum: expect.any(String),
      expires: "lifetime", payment_id: expect.stringMatching(/^ord_/), customer_name: "Ada Lovelace", customer_email: expect.any(String), price_id: plan.id,
    });
    expect(await activeSites(license.id)).toEqual([]);
    const other = await postForm(api.url, EDD, { edd_action: "activate_license", license: key, url: "second-site.com" });
    expect(other.body).toMatchObject({ success: true, site_count: 1 });

    const unknown = await getQuery(api.url, EDD, { edd_action: "deactivate_license", license: "KF-00000-00000-00000-00000", url: "example.com" });
    expect(unknown.body).toMatchObject({ success: false, license: "failed" });
  });
});

describe("EDD get_version", () => {
  it("names the product with empty version fields until releases exist", async () => {
    const { key, product } = await createLicensedPlan({ licenseType: "SITE" });
    await db.product.update({ where: { id: product.id }, data: { description: "Fast & small." } });
    const res = await postForm(api.url, EDD, { edd_action: "get_version", license: key, item_name: product.name, slug: "my-plugin", version: "1.0.0", url: "example.com" });
    const description = "<p>Fast &amp; small.</p>";
    expect(res.body).toMatchObject({
      new_version: "", stable_version: "", name: product.name, slug: "my-plugin", package: "", download_link: "", url: "", homepage: expect.stringMatching(/^https?:\/\//),
      sections: `a:2:{s:11:"description";s:${description.length}:"${description}";s:9:"changelog";s:0:"";}`,
      banners: 'a:2:{s:4:"high";s:0:"";s:3:"low";s:0:"";}',
    });
    expect((await getQuery(api.url, EDD, { edd_action: "get_version", item_id: product.slug })).body).toMatchObject({ name: product.name, slug: product.slug });
    expect((await getQuery(api.url, EDD, { edd_action: "get_version", item_name: "No Such Thing" })).body).toMatchObject({ new_version: "", msg: expect.any(String) });
    const other = await createLicensedPlan();
    expect((await getQuery(api.url, EDD, { edd_action: "get_version", license: other.key, item_id: product.id })).body.msg).toMatch(/not valid for/);
  });

  it("refuses an unknown edd_action with the error envelope", async () => {
    const res = await getQuery(api.url, EDD, { edd_action: "package_download" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("is served by the route handler too, with a trailing slash through the fast path", async () => {
    const { key, product } = await createLicensedPlan({ licenseType: "SITE" });
    const route = await import("@/app/api/compat/edd/route");
    const request = new Request(`http://keyfront.test${EDD}?edd_action=check_license&license=${key}&url=example.com`);
    const res = await route.GET(request, { params: Promise.resolve({}) });
    expect(await res.json()).toMatchObject({ success: true, license: "inactive", item_name: product.name });
    const slash = await getQuery(api.url, `${EDD}/`, { edd_action: "check_license", license: key, url: "example.com" });
    expect(slash.body).toMatchObject({ success: true, license: "inactive" });
  });
});
