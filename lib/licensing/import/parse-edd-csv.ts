import { canonicalLicenseKey } from "../license-key";
import { columnReader, parseCsv } from "./csv";
import { fieldReaders, type ImportActivation, type ImportRecord, type ImportStatus, type ParseResult, type RowError } from "./import-record";

// Easy Digital Downloads Software Licensing's license export (Downloads → Tools → Export →
// "Export License Keys"): one row per license. Columns since 3.6: License ID, License Key,
// License Status, Customer ID, Customer Email, Customer Name, User ID, Product Name, Price ID,
// Purchase Date, Expiration Date, Activation Limit, Activation Count, Activated URLs (comma
// separated; " - " before 3.6, which also named the email column "Email"). The internal column
// names (license, status, email, …) are accepted too. Activation Limit 0 means unlimited.
const COLUMNS = {
  id: ["License ID", "id", "license_id"],
  key: ["License Key", "license", "license_key", "key"],
  status: ["License Status", "status"],
  email: ["Customer Email", "Email", "email", "customer_email"],
  name: ["Customer Name", "name", "customer_name"],
  downloadId: ["Download ID", "download_id", "Product ID", "product_id"],
  product: ["Product Name", "product", "product_name"],
  priceId: ["Price ID", "price_id"],
  created: ["Purchase Date", "date", "date_created"],
  expiration: ["Expiration Date", "expiration"],
  limit: ["Activation Limit", "limit", "activation_limit"],
  urls: ["Activated URLs", "urls", "sites"],
} as const;

const STATUSES: Record<string, ImportStatus> = { active: "active", inactive: "inactive", expired: "expired", disabled: "disabled", revoked: "disabled" };

export function parseEddCsv(text: string): ParseResult {
  const csv = parseCsv(text);
  const errors: RowError[] = [];
  if (csv.error) errors.push({ row: csv.error.line, field: "file", message: csv.error.message });
  const col = columnReader(csv.header, COLUMNS);
  for (const required of ["key", "status"] as const) {
    if (!col.has(required)) errors.push({ row: 1, field: required, message: `Missing column "${COLUMNS[required][0]}".` });
  }
  if (!col.has("product") && !col.has("downloadId")) errors.push({ row: 1, field: "product", message: `Missing column "${COLUMNS.product[0]}".` });
  if (errors.some((e) => e.row === 1)) return { records: [], errors, rowCount: csv.records.length };

  const records: ImportRecord[] = [];
  for (const { line, cells } of csv.records) {
    const before = errors.length;
    const r = fieldReaders(line, errors);
    const rawKey = col.get(cells, "key");
    const key = rawKey ? canonicalLicenseKey(rawKey) : null;
    if (!key) r.fail("key", rawKey ? "Not a usable license key (6–256 printable ASCII characters)." : "Required.");
    const rawStatus = col.get(cells, "status")?.toLowerCase() ?? "";
    const status = STATUSES[rawStatus];
    if (!status) r.fail("status", rawStatus ? `Unknown status "${rawStatus.slice(0, 30)}".` : "Required.");
    const productName = col.get(cells, "product");
    const productId = col.get(cells, "downloadId") ?? productName;
    if (!productId) r.fail("product", "Required.");
    const email = r.email("email", col.get(cells, "email"));
    const createdAt = r.date("created", col.get(cells, "created"));
    const expiresAt = r.date("expiration", col.get(cells, "expiration"));
    const limit = r.count("limit", col.get(cells, "limit"));
    const sites = (col.get(cells, "urls") ?? "").split(/,|\s+-\s+|\r?\n/).map((u) => u.trim()).filter(Boolean);
    const activations: ImportActivation[] = [...new Set(sites)].map((url) => ({ kind: "site", url }));
    if (errors.length > before || !key || !status || !productId || email === undefined || createdAt === undefined || expiresAt === undefined || limit === undefined) continue;
    records.push({
      row: line, sourceId: col.get(cells, "id") ?? key.key, key: key.key, email, name: col.get(cells, "name"), status, expiresAt,
      activationLimit: limit === 0 ? null : limit, activations,
      sourceProduct: { id: productId, name: productName, variantId: col.get(cells, "priceId") }, createdAt,
    });
  }
  return { records, errors, rowCount: csv.records.length };
}
