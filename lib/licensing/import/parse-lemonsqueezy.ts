import { canonicalLicenseKey } from "../license-key";
import { columnReader, parseCsv } from "./csv";
import { fieldReaders, type ImportActivation, type ImportRecord, type ImportStatus, type ParseResult, type RowError } from "./import-record";
import { asRecord, jsonDocuments, scalar } from "./json-api";

// Lemon Squeezy license keys, from the API (GET /v1/license-keys?include=license-key-instances,
// JSON:API: `data` of type "license-keys" with attributes store_id, customer_id, order_id,
// order_item_id, product_id, user_name, user_email, key, key_short, activation_limit,
// instances_count, disabled, status, expires_at, created_at; `included` license-key-instances
// with license_key_id, identifier, name, created_at) or the dashboard's CSV export, whose columns
// carry the same names (or their labels). activation_limit null means unlimited.
const STATUSES: Record<string, ImportStatus> = { active: "active", inactive: "inactive", expired: "expired", disabled: "disabled" };

type Fields = {
  id: string | null; key: string | null; status: string | null; disabled: boolean; email: string | null; name: string | null;
  productId: string | null; productName: string | null; variantId: string | null; limit: string | number | null;
  expiresAt: string | number | null; createdAt: string | number | null;
};

function toRecord(row: number, f: Fields, activations: ImportActivation[], errors: RowError[]): ImportRecord | null {
  const before = errors.length;
  const r = fieldReaders(row, errors);
  const key = f.key ? canonicalLicenseKey(f.key) : null;
  if (!key) r.fail("key", f.key ? "Not a usable license key (6–256 printable ASCII characters)." : "Required.");
  const rawStatus = (f.status ?? "").toLowerCase();
  const status = f.disabled ? "disabled" : STATUSES[rawStatus];
  if (!status) r.fail("status", rawStatus ? `Unknown status "${rawStatus.slice(0, 30)}".` : "Required.");
  if (!f.productId) r.fail("product_id", "Required.");
  const email = r.email("user_email", f.email);
  const limit = r.count("activation_limit", f.limit);
  const expiresAt = r.date("expires_at", f.expiresAt);
  const createdAt = r.date("created_at", f.createdAt);
  if (errors.length > before || !key || !status || !f.productId || email === undefined || limit === undefined || expiresAt === undefined || createdAt === undefined) return null;
  return {
    row, sourceId: f.id ?? key.key, key: key.key, email, name: f.name, status, expiresAt, activationLimit: limit, activations,
    sourceProduct: { id: f.productId, name: f.productName, variantId: f.variantId }, createdAt,
  };
}

const CSV_COLUMNS = {
  id: ["id", "License key ID", "ID"],
  key: ["key", "license_key", "License key", "Key"],
  status: ["status", "Status"],
  disabled: ["disabled", "Disabled"],
  email: ["user_email", "customer_email", "email", "Customer email", "Email"],
  name: ["user_name", "customer_name", "name", "Customer name", "Name"],
  productId: ["product_id", "Product ID"],
  productName: ["product_name", "Product", "Product name"],
  variantId: ["variant_id", "Variant ID"],
  limit: ["activation_limit", "Activation limit"],
  expiresAt: ["expires_at", "Expires at", "Expires"],
  createdAt: ["created_at", "Created at", "Created"],
} as const;

const truthy = (v: unknown) => v === true || v === 1 || (typeof v === "string" && /^(1|true|yes)$/i.test(v.trim()));

export function parseLemonSqueezyCsv(text: string): ParseResult {
  const csv = parseCsv(text);
  const errors: RowError[] = [];
  if (csv.error) errors.push({ row: csv.error.line, field: "file", message: csv.error.message });
  const col = columnReader(csv.header, CSV_COLUMNS);
  for (const required of ["key", "productId"] as const) {
    if (!col.has(required)) errors.push({ row: 1, field: CSV_COLUMNS[required][0], message: `Missing column "${CSV_COLUMNS[required][0]}".` });
  }
  if (!col.has("status") && !col.has("disabled")) errors.push({ row: 1, field: "status", message: 'Missing column "status".' });
  if (errors.some((e) => e.row === 1)) return { records: [], errors, rowCount: csv.records.length };
  const records: ImportRecord[] = [];
  for (const { line, cells } of csv.records) {
    const get = (f: keyof typeof CSV_COLUMNS) => col.get(cells, f);
    const fields: Fields = {
      id: get("id"), key: get("key"), status: get("status"), disabled: truthy(get("disabled")),
      email: get("email"), name: get("name"), productId: get("productId"), productName: get("productName"), variantId: get("variantId"),
      limit: get("limit"), expiresAt: get("expiresAt"), createdAt: get("createdAt"),
    };
    const record = toRecord(line, fields, [], errors);
    if (record) records.push(record);
  }
  return { records, errors, rowCount: csv.records.length };
}

export function parseLemonSqueezyJson(text: string): ParseResult {
  const docs = jsonDocuments(text);
  if ("error" in docs) return { records: [], errors: [{ row: 0, field: "file", message: docs.error }], rowCount: 0 };
  const instances = new Map<string, ImportActivation[]>();
  for (const inc of docs.included) {
    if (inc.type !== "license-key-instances") continue;
    const a = asRecord(inc.attributes);
    const owner = scalar(a.license_key_id) ?? scalar(asRecord(asRecord(asRecord(inc.relationships)["license-key"]).data).id);
    const instanceId = scalar(a.identifier) ?? scalar(inc.id);
    if (!owner || !instanceId) continue;
    const createdAt = scalar(a.created_at);
    const list = instances.get(owner) ?? [];
    list.push({ kind: "instance", instanceId, label: scalar(a.name), createdAt: createdAt ? new Date(createdAt) : null });
    instances.set(owner, list);
  }
  const errors: RowError[] = [];
  const records: ImportRecord[] = [];
  docs.data.forEach((item, i) => {
    const row = i + 1;
    if (item.type !== "license-keys") {
      errors.push({ row, field: "type", message: `Expected "license-keys", got "${String(item.type).slice(0, 40)}".` });
      return;
    }
    const a = asRecord(item.attributes);
    const id = scalar(item.id);
    const activations = (id ? instances.get(id) : undefined) ?? [];
    const fields: Fields = {
      id, key: scalar(a.key), status: scalar(a.status), disabled: truthy(a.disabled), email: scalar(a.user_email), name: scalar(a.user_name),
      productId: scalar(a.product_id), productName: scalar(a.product_name), variantId: scalar(a.variant_id),
      limit: typeof a.activation_limit === "number" ? a.activation_limit : scalar(a.activation_limit),
      expiresAt: scalar(a.expires_at), createdAt: scalar(a.created_at),
    };
    const record = toRecord(row, fields, activations, errors);
    if (record) records.push(record);
  });
  return { records, errors, rowCount: docs.data.length };
}

