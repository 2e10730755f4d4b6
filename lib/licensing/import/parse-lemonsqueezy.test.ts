import { describe, expect, it } from "vitest";
import { parseLemonSqueezyCsv, parseLemonSqueezyJson } from "./parse-lemonsqueezy";

// GET /v1/license-keys?include=license-key-instances, as Lemon Squeezy answers it.
const licenseKey = (id: string, attributes: Record<string, unknown>) => ({
  type: "license-keys", id,
  attributes: {
    store_id: 1, customer_id: 11, order_id: 21, order_item_id: 31, product_id: 41, user_name: "Ada Lovelace", user_email: "ada@example.com",
    key: "38b1460a-5104-4067-a91d-77b872934d51", key_short: "XXXX-77b872934d51", activation_limit: 5, instances_count: 1, disabled: 0,
    status: "active", status_formatted: "Active", expires_at: null, created_at: "2024-05-24T14:15:07.000000Z", updated_at: "2024-05-24T14:15:07.000000Z",
    ...attributes,
  },
  relationships: { store: { links: { related: "https://api.example/v1/license-keys/1/store" } } },
});
const page = {
  meta: { page: { currentPage: 1, lastPage: 1 } },
  jsonapi: { version: "1.0" },
  data: [
    licenseKey("1", {}),
    licenseKey("2", { key: "80e15db5-c796-436b-850c-8f9c98a48abe", status: "expired", expires_at: "2024-06-01T00:00:00.000000Z", activation_limit: null, user_email: "bob@example.com", user_name: "Bob" }),
    licenseKey("3", { key: "c0ffee00-0000-4000-8000-000000000003", status: "inactive", disabled: 1 }),
    licenseKey("4", { key: "", user_email: "nobody" }),
  ],
  included: [
    { type: "license-key-instances", id: "91", attributes: { license_key_id: 1, identifier: "f90ec370-fd83-46a5-8bbd-44a241e78665", name: "Ada's MacBook", created_at: "2024-05-25T10:00:00.000000Z" } },
  ],
};

describe("Lemon Squeezy license keys (API shape)", () => {
  it("reads attributes and instances", () => {
    const result = parseLemonSqueezyJson(JSON.stringify(page));
    expect(result.rowCount).toBe(4);
    expect(result.records).toHaveLength(3);
    expect(result.records[0]).toEqual({
      row: 1, sourceId: "1", key: "38b1460a-5104-4067-a91d-77b872934d51", email: "ada@example.com", name: "Ada Lovelace", status: "active",
      expiresAt: null, activationLimit: 5,
      activations: [{ kind: "instance", instanceId: "f90ec370-fd83-46a5-8bbd-44a241e78665", label: "Ada's MacBook", createdAt: new Date("2024-05-25T10:00:00Z") }],
      sourceProduct: { id: "41", name: null, variantId: null }, createdAt: new Date("2024-05-24T14:15:07Z"),
    });
    expect(result.records[1]).toMatchObject({ status: "expired", expiresAt: new Date("2024-06-01T00:00:00Z"), activationLimit: null, activations: [] });
    expect(result.records[2]).toMatchObject({ status: "disabled" });
    expect(result.errors).toEqual([
      { row: 4, field: "key", message: "Required." },
      { row: 4, field: "user_email", message: "Not an email address." },
    ]);
  });

  it("accepts several saved pages and refuses what is not JSON:API", () => {
    const two = parseLemonSqueezyJson(JSON.stringify([{ data: [licenseKey("1", {})] }, { data: [licenseKey("2", { key: "80e15db5-c796-436b-850c-8f9c98a48abe" })] }]));
    expect(two.records.map((r) => r.sourceId)).toEqual(["1", "2"]);
    expect(parseLemonSqueezyJson("{not json").errors).toEqual([{ row: 0, field: "file", message: "The file is not valid JSON." }]);
    expect(parseLemonSqueezyJson('{"data": 5}').errors[0]).toMatchObject({ field: "file" });
    expect(parseLemonSqueezyJson(JSON.stringify({ data: [{ type: "orders", id: "1" }] })).errors[0]).toMatchObject({ row: 1, field: "type" });
  });
});

describe("Lemon Squeezy license keys (CSV export)", () => {
  it("reads the attribute-named columns, quoted values and CRLF", () => {
    const text = "\uFEFFid,key,status,disabled,user_name,user_email,product_id,product_name,variant_id,activation_limit,instances_count,expires_at,created_at\r\n" +
      '7,38b1460a-5104-4067-a91d-77b872934d51,active,false,"Lovelace, Ada",ada@example.com,41,"Pro App",51,3,1,,2024-05-24 14:15:07\r\n' +
      "8,not a key\u0001,active,false,Bob,bob@example.com,41,Pro App,51,3,0,2030-01-01T00:00:00Z,2024-05-24 14:15:07\r\n";
    const result = parseLemonSqueezyCsv(text);
    expect(result.records).toEqual([{
      row: 2, sourceId: "7", key: "38b1460a-5104-4067-a91d-77b872934d51", email: "ada@example.com", name: "Lovelace, Ada", status: "active",
      expiresAt: null, activationLimit: 3, activations: [], sourceProduct: { id: "41", name: "Pro App", variantId: "51" }, createdAt: new Date("2024-05-24T14:15:07Z"),
    }]);
    expect(result.errors).toEqual([{ row: 3, field: "key", message: "Not a usable license key (6–256 printable ASCII characters)." }]);
  });

  it("names the missing columns", () => {
    expect(parseLemonSqueezyCsv("email,status\na@b.co,active\n").errors.map((e) => e.message)).toEqual(['Missing column "key".', 'Missing column "product_id".']);
  });
});
