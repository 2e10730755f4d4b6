// Licenses exported from Easy Digital Downloads, Lemon Squeezy and Keygen, imported into a real
// database: the original keys keep working through /api/v1 and the compatibility endpoints.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { verifyPassword } from "@/lib/auth/password";
import { importLicenses, NO_PASSWORD } from "@/lib/licensing/import/import-licenses";
import { MAX_IMPORT_BYTES } from "@/lib/licensing/import/schemas";
import { post, startApiServer } from "../support/api-server";
import { createUser, tableCounts, viewerOf } from "../support/factories";
import { getQuery, postForm } from "../compat/compat-support";

let api: Awaited<ReturnType<typeof startApiServer>>;
let admin: ReturnType<typeof viewerOf>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
  admin = viewerOf(await createUser({ role: "ADMIN" }));
});
afterAll(() => api.close());

const hex = () => randomBytes(16).toString("hex");
const uuid = () => crypto.randomUUID();

async function productWithPlan(licenseType: "SOFTWARE" | "SITE", activationLimit = 2) {
  const product = await db.product.create({ data: { id: newId("product"), slug: `imp-${randomBytes(4).toString("hex")}`, name: "Imported Product", licenseType } });
  const plan = await db.plan.create({ data: { id: newId("plan"), productId: product.id, slug: "std", name: "Standard", activationLimit, entitlements: ["pro"] } });
  return { product, plan, mapping: { productId: product.id, planId: plan.id } };
}

const EDD_HEADER = "License ID,License Key,License Status,Customer ID,Customer Email,Customer Name,User ID,Product Name,Price ID,Purchase Date,Expiration Date,Activation Limit,Activation Count,Activated URLs";
const eddRow = (id: string, key: string, email: string, fields: { status?: string; urls?: string; limit?: string; expiration?: string } = {}) =>
  [id, key, fields.status ?? "active", "1", email, '"Lovelace, Ada"', "0", "Pro Plugin", "", "2023-01-15 10:20:30", fields.expiration ?? "0", fields.limit ?? "3", "2", `"${fields.urls ?? ""}"`].join(",");

describe("importing an Easy Digital Downloads export", () => {
  it("dry-runs, imports in one go, and the old keys answer on /api/v1 and EDD check_license", async () => {
    const { plan, mapping } = await productWithPlan("SITE");
    const [k1, k2] = [hex(), hex()];
    const email = `edd-${hex().slice(0, 6)}@example.com`;
    const file = [EDD_HEADER, eddRow("101", k1, email, { urls: "https://www.ada.example.org/shop, http://localhost:8080" }), eddRow("102", k2, email.toUpperCase(), { limit: "0" })].join("\r\n");

    // A key asked for before the import is remembered as unknown: the import must undo that.
    expect((await post(api.url, "/api/v1/licenses/validate", { key: k1 })).body.code).toBe("NOT_FOUND");

    const first = await importLicenses(admin, { format: "edd-csv", file });
    expect(first).toMatchObject({ dryRun: true, created: 0, blocked: true, errors: [{ field: "product" }, { field: "product" }] });
    expect(first.sourceProducts).toEqual([{ key: "Pro Plugin", id: "Pro Plugin", name: "Pro Plugin", variantId: null, rows: 2, mapped: false }]);

    const before = await db.license.count();
    const dry = await importLicenses(admin, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping } });
    expect(dry).toMatchObject({ dryRun: true, created: 2, customersCreated: 1, activations: 2, blocked: false, errors: [] });
    expect(await db.license.count()).toBe(before);

    const audit = await db.auditLog.count({ where: { action: "license.imported" } });
    const real = await importLicenses(admin, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping }, dryRun: false });
    expect(real).toMatchObject({ dryRun: false, created: 2, alreadyImported: 0, customersCreated: 1, activations: 2, errors: [] });
    expect(await db.auditLog.count({ where: { action: "license.imported", actorId: admin.id } })).toBe(audit + 1);

    const customer = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, emailVerifiedAt: true, role: true } });
    expect(customer).toMatchObject({ passwordHash: NO_PASSWORD, emailVerifiedAt: null, role: "CUSTOMER" });
    expect(await verifyPassword(customer.passwordHash, "")).toBe(false);
    expect(await verifyPassword(customer.passwordHash, NO_PASSWORD)).toBe(false);
    const licenses = await db.license.findMany({ where: { importSource: "edd" , planId: plan.id }, orderBy: { importSourceId: "asc" }, select: { userId: true, importSourceId: true, seats: true, keyHint: true } });
    expect(licenses).toEqual([
      { userId: customer.id, importSourceId: "101", seats: 3, keyHint: `${k1.slice(0, 4)}…${k1.slice(-4)}` },
      // Unlimited at the source: the plan's limit.
      { userId: customer.id, importSourceId: "102", seats: 2, keyHint: `${k2.slice(0, 4)}…${k2.slice(-4)}` },
    ]);

    const v1 = await post(api.url, "/api/v1/licenses/validate", { key: k1, domain: "ada.example.org" });
    expect(v1.body).toMatchObject({ valid: true, code: "VALID", license: { activationsUsed: 1, activationsLimit: 3 } });
    // Surrounding spaces are forgiven; the key's case is not.
    expect((await post(api.url, "/api/v1/licenses/validate", { key: ` ${k1} ` })).body.code).toBe("VALID");
    expect((await post(api.url, "/api/v1/licenses/validate", { key: k1.toUpperCase() })).body.code).toBe("NOT_FOUND");

    const check = await getQuery(api.url, "/api/compat/edd", { edd_action: "check_license", license: k1, url: "https://ada.example.org" });
    expect(check.body).toMatchObject({ success: true, license: "valid", license_limit: 3, site_count: 1, activations_left: 2, customer_email: email });
    const other = await getQuery(api.url, "/api/compat/edd", { edd_action: "check_license", license: k1, url: "https://elsewhere.example.net" });
    expect(other.body).toMatchObject({ success: true, license: "site_inactive" });
    expect((await getQuery(api.url, "/api/compat/edd", { edd_action: "check_license", license: k2 })).body).toMatchObject({ success: true, license: "inactive", site_count: 0 });

    // The same file again creates nothing and says so.
    const counts = await Promise.all([db.license.count(), db.activation.count(), db.user.count()]);
    const again = await importLicenses(admin, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping }, dryRun: false });
    expect(again).toMatchObject({ created: 0, alreadyImported: 2, customersCreated: 0, activations: 0, errors: [] });
    expect(again.rows.map((r) => r.outcome)).toEqual(["alreadyImported", "alreadyImported"]);
    expect(await Promise.all([db.license.count(), db.activation.count(), db.user.count()])).toEqual(counts);
    expect(await db.auditLog.count({ where: { action: "license.imported" } })).toBe(audit + 1);
  });

  it("in strict mode one bad row writes nothing; without it the good rows are imported", async () => {
    const { mapping } = await productWithPlan("SITE");
    const good = hex();
    const file = [EDD_HEADER, eddRow("201", good, "strict@example.com"), eddRow("202", hex(), "not-an-email")].join("\n");
    const counts = await tableCounts();
    const licenses = await db.license.count();
    const strict = await importLicenses(admin, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping }, dryRun: false });
    expect(strict).toMatchObject({ blocked: true, created: 0, errors: [{ row: 3, field: "email", message: "Not an email address." }] });
    expect(await tableCounts()).toEqual(counts);
    expect(await db.license.count()).toBe(licenses);
    expect((await post(api.url, "/api/v1/licenses/validate", { key: good })).body.code).toBe("NOT_FOUND");

    const lenient = await importLicenses(admin, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping }, dryRun: false, strict: false });
    expect(lenient).toMatchObject({ blocked: false, created: 1, errors: [{ row: 3 }] });
    expect((await post(api.url, "/api/v1/licenses/validate", { key: good })).body.code).toBe("VALID");
  });

  it("refuses a key that already belongs to another Keyfront license", async () => {
    const { mapping } = await productWithPlan("SITE");
    const key = hex();
    await importLicenses(admin, { format: "edd-csv", file: [EDD_HEADER, eddRow("301", key, "dup@example.com")].join("\n"), mapping: { "Pro Plugin": mapping }, dryRun: false });
    const keygen = { data: [{ type: "licenses", id: "kg-1", attributes: { key, status: "ACTIVE" }, relationships: { product: { data: { type: "products", id: "p1" } } } }] };
    const { mapping: m2 } = await productWithPlan("SOFTWARE");
    const report = await importLicenses(admin, { format: "keygen-json", file: JSON.stringify(keygen), mapping: { p1: m2 }, dryRun: false });
    expect(report).toMatchObject({ blocked: true, created: 0, errors: [{ row: 1, field: "key", message: "A license with this key already exists in Keyfront." }] });
  });
});

describe("importing from Lemon Squeezy and Keygen", () => {
  it("Lemon Squeezy keys validate through the Lemon Squeezy shape with the old instance ids", async () => {
    const { mapping } = await productWithPlan("SOFTWARE", 5);
    const key = uuid();
    const instanceId = uuid();
    const file = JSON.stringify({
      data: [{ type: "license-keys", id: "9001", attributes: { key, status: "active", disabled: false, user_email: "ls@example.com", user_name: "Lem On", product_id: 77, activation_limit: 3, instances_count: 1, expires_at: null, created_at: "2024-05-24T14:15:07.000000Z" } }],
      included: [{ type: "license-key-instances", id: "5", attributes: { license_key_id: 9001, identifier: instanceId, name: "Work laptop", created_at: "2024-05-25T00:00:00.000000Z" } }],
    });
    const report = await importLicenses(admin, { format: "lemonsqueezy-json", file, mapping: { "77": mapping }, dryRun: false });
    expect(report).toMatchObject({ created: 1, activations: 1, errors: [] });

    const LS = "/api/compat/lemonsqueezy/v1/licenses";
    const plain = await postForm(api.url, `${LS}/validate`, { license_key: key });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ valid: true, license_key: { key, status: "active", activation_limit: 3, activation_usage: 1 }, meta: { customer_email: "ls@example.com" } });
    const withInstance = await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: instanceId });
    expect(withInstance.body).toMatchObject({ valid: true, instance: { name: "Work laptop" } });
    expect((await postForm(api.url, `${LS}/validate`, { license_key: key, instance_id: uuid() })).status).toBe(404);
    const off = await postForm(api.url, `${LS}/deactivate`, { license_key: key, instance_id: instanceId });
    expect(off.body).toMatchObject({ deactivated: true, license_key: { activation_usage: 0 } });
  });

  it("Keygen keys validate on /api/v1 with the machines' fingerprints", async () => {
    const { mapping } = await productWithPlan("SOFTWARE", 1);
    const key = `KG-${hex()}-V3`;
    const file = JSON.stringify({
      data: [{
        type: "licenses", id: "kg-lic-1", attributes: { key, status: "ACTIVE", suspended: false, maxMachines: 1, expiry: "2099-01-01T00:00:00.000Z", created: "2023-01-01T00:00:00.000Z" },
        relationships: { product: { data: { type: "products", id: "prod-9" } }, policy: { data: { type: "policies", id: "pol-9" } }, owner: { data: { type: "users", id: "u-9" } } },
      }],
      included: [
        { type: "users", id: "u-9", attributes: { email: "kg@example.com", fullName: "Key Gen" } },
        ...["machine-fingerprint-0001", "machine-fingerprint-0002"].map((fingerprint, i) => ({ type: "machines", id: `m-${i}`, attributes: { fingerprint, name: `PC ${i}` }, relationships: { license: { data: { type: "licenses", id: "kg-lic-1" } } } })),
      ],
    });
    const report = await importLicenses(admin, { format: "keygen-json", file, mapping: { "prod-9#pol-9": mapping }, dryRun: false });
    expect(report).toMatchObject({ created: 1, activations: 2, errors: [] });
    // Two machines on a one-machine license: both keep working (the seats cover them).
    for (const fingerprint of ["machine-fingerprint-0001", "machine-fingerprint-0002"]) {
      const res = await post(api.url, "/api/v1/licenses/validate", { key, fingerprint });
      expect(res.body).toMatchObject({ valid: true, code: "VALID", license: { activationsUsed: 2, activationsLimit: 2, expiresAt: "2099-01-01T00:00:00.000Z" } });
    }
    expect((await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: "machine-fingerprint-0003" })).body.code).toBe("ACTIVATION_LIMIT_REACHED");
  });
});

describe("who may import, and how much", () => {
  it("refuses everyone but admins, before reading the file", async () => {
    const { mapping } = await productWithPlan("SITE");
    const file = [EDD_HEADER, eddRow("401", hex(), "who@example.com")].join("\n");
    const counts = await tableCounts();
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const customer = viewerOf(await createUser());
    const after = await tableCounts();
    for (const [viewer, code] of [[null, "UNAUTHENTICATED"], [support, "FORBIDDEN"], [customer, "FORBIDDEN"]] as const) {
      await expect(importLicenses(viewer, { format: "edd-csv", file, mapping: { "Pro Plugin": mapping }, dryRun: false })).rejects.toMatchObject({ code });
    }
    expect(after.users).toBe(counts.users + 2);
    expect(await tableCounts()).toEqual(after);
  });

  it("bounds the file size and the row count with clear errors", async () => {
    const huge = "x".repeat(MAX_IMPORT_BYTES + 1);
    await expect(importLicenses(admin, { format: "edd-csv", file: huge })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { file: ["fileTooLarge"] } });
    const many = [EDD_HEADER, ...Array.from({ length: 10_001 }, (_, i) => `${i},k${i}`)].join("\n");
    await expect(importLicenses(admin, { format: "edd-csv", file: many })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", fields: { file: ["tooManyRows"] } });
    await expect(importLicenses(admin, { format: "csv", file: "a" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { format: ["invalid"] } });
  });
});

describe("the management API import", () => {
  it("imports with a licenses:write key (same use case, audited as the key) and refuses a read-only key", async () => {
    const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
    const write = await createApiKey(admin, { name: "import write", scopes: ["licenses:read", "licenses:write"] });
    const read = await createApiKey(admin, { name: "import read", scopes: ["licenses:read"] });
    const { mapping } = await productWithPlan("SITE");
    const key = hex();
    const body = { format: "edd-csv", file: [EDD_HEADER, eddRow("501", key, "api@example.com", { urls: "https://api-site.example.com" })].join("\n"), mapping: { "Pro Plugin": mapping } };
    const path = "/api/v1/admin/licenses/import";

    const refused = await post(api.url, path, { ...body, dryRun: false }, { authorization: `Bearer ${read.key}` });
    expect(refused.status).toBe(403);
    const dry = await post(api.url, path, body, { authorization: `Bearer ${write.key}` });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, activations: 1, errors: [] });
    expect((await post(api.url, "/api/v1/licenses/validate", { key })).body.code).toBe("NOT_FOUND");

    const real = await post(api.url, path, { ...body, dryRun: false }, { authorization: `Bearer ${write.key}` });
    expect(real.body).toMatchObject({ dryRun: false, created: 1 });
    expect(await db.auditLog.findFirst({ where: { action: "license.imported" }, orderBy: { id: "desc" }, select: { actorType: true, actorId: true } })).toEqual({ actorType: "API_KEY", actorId: admin.id });
    expect((await post(api.url, "/api/v1/licenses/validate", { key, domain: "api-site.example.com" })).body.code).toBe("VALID");
  });
});
