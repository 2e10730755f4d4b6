import { describe, expect, it } from "vitest";
import { parseKeygenJson } from "./parse-keygen-json";

// GET /v1/accounts/<id>/licenses?include=owner,machines,policy,product, as Keygen answers it.
const license = (id: string, attributes: Record<string, unknown>, relationships: Record<string, unknown> = {}) => ({
  id, type: "licenses",
  attributes: {
    name: "Pro license", key: "C1B6DE-39A6E3-DE1529-8559A0-4AF593-V3", expiry: "2026-01-01T00:00:00.000Z", status: "ACTIVE", uses: 0, suspended: false,
    scheme: null, encrypted: false, strict: true, floating: true, maxMachines: 3, maxCores: null, metadata: {}, created: "2023-03-04T05:06:07.000Z", updated: "2023-03-04T05:06:07.000Z",
    ...attributes,
  },
  relationships: {
    account: { data: { type: "accounts", id: "acc-1" } },
    product: { data: { type: "products", id: "prod-1" } },
    policy: { data: { type: "policies", id: "pol-1" } },
    owner: { data: { type: "users", id: "user-1" } },
    machines: { links: { related: "/v1/accounts/acc-1/licenses/lic-1/machines" }, meta: { count: 2 } },
    ...relationships,
  },
});
const doc = {
  data: [
    license("lic-1", {}),
    license("lic-2", { key: "key/eyJhY2NvdW50Ijp7ImlkIjoiMSJ9fQ==.signature", expiry: null, status: "SUSPENDED", maxMachines: null }, { owner: { data: null }, user: { data: { type: "users", id: "user-2" } } }),
    license("lic-3", { key: "BANNED-KEY-0003", status: "BANNED" }, { owner: { data: null } }),
    license("lic-4", { key: "LATE-KEY-0004", status: "WHATEVER", expiry: "soon" }),
    license("lic-5", { key: "GHOST-OWNER-0005" }, { owner: { data: { type: "users", id: "user-404" } } }),
  ],
  included: [
    { id: "user-1", type: "users", attributes: { fullName: "Ada Lovelace", firstName: "Ada", lastName: "Lovelace", email: "Ada@Example.com", role: "user" } },
    { id: "user-2", type: "users", attributes: { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" } },
    { id: "pol-1", type: "policies", attributes: { name: "Yearly", maxMachines: 3 } },
    { id: "prod-1", type: "products", attributes: { name: "Pro App" } },
    { id: "m-1", type: "machines", attributes: { fingerprint: "4f:5e:6d:7c:8b:9a:0a:1b:2c:3d", name: "Office PC", created: "2023-04-01T00:00:00.000Z" }, relationships: { license: { data: { type: "licenses", id: "lic-1" } } } },
    { id: "m-2", type: "machines", attributes: { fingerprint: "e3b0c44298fc1c149afbf4c8996fb924", name: null }, relationships: { license: { data: { type: "licenses", id: "lic-1" } } } },
  ],
};

describe("Keygen license export", () => {
  it("reads licenses with their owner, policy, product and machines", () => {
    const result = parseKeygenJson(JSON.stringify(doc));
    expect(result.rowCount).toBe(5);
    expect(result.records[0]).toEqual({
      row: 1, sourceId: "lic-1", key: "C1B6DE-39A6E3-DE1529-8559A0-4AF593-V3", email: "ada@example.com", name: "Ada Lovelace", status: "active",
      expiresAt: new Date("2026-01-01T00:00:00Z"), activationLimit: 3,
      activations: [
        { kind: "fingerprint", fingerprint: "4f:5e:6d:7c:8b:9a:0a:1b:2c:3d", label: "Office PC", createdAt: new Date("2023-04-01T00:00:00Z") },
        { kind: "fingerprint", fingerprint: "e3b0c44298fc1c149afbf4c8996fb924", label: null, createdAt: null },
      ],
      sourceProduct: { id: "prod-1", name: "Pro App · Yearly", variantId: "pol-1" }, createdAt: new Date("2023-03-04T05:06:07Z"),
    });
    // Before API 1.6 the owner was "user"; suspended and banned licenses are disabled.
    expect(result.records[1]).toMatchObject({ key: "key/eyJhY2NvdW50Ijp7ImlkIjoiMSJ9fQ==.signature", email: "grace@example.com", name: "Grace Hopper", status: "disabled", expiresAt: null, activationLimit: null });
    expect(result.records[2]).toMatchObject({ email: null, name: null, status: "disabled" });
    expect(result.errors).toEqual([
      { row: 4, field: "status", message: 'Unknown status "whatever".' },
      { row: 4, field: "expiry", message: "Not a date: soon" },
      { row: 5, field: "owner", message: 'User user-404 is not in "included" (export with include=owner).' },
    ]);
  });

  it("never throws on malformed documents", () => {
    for (const text of ["", "null", "[]", '{"data":[null,1,"x"]}', '{"data":[{"type":"licenses"}]}', '{"data":[{"type":"licenses","attributes":{"key":{"a":1}}}]}']) {
      const result = parseKeygenJson(text);
      expect(result.records).toEqual([]);
    }
    expect(parseKeygenJson('{"data":[null]}').errors[0]).toMatchObject({ row: 1, field: "type" });
  });
});
