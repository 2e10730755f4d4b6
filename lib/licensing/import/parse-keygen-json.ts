import { canonicalLicenseKey } from "../license-key";
import { fieldReaders, type ImportActivation, type ImportRecord, type ImportStatus, type ParseResult, type RowError } from "./import-record";
import { asRecord, jsonDocuments, relatedId, scalar, type Resource } from "./json-api";

// Keygen's JSON:API export (GET /v1/accounts/<account>/licenses?include=owner,machines,policy,
// product): `data` of type "licenses" with attributes key, name, expiry, status (ACTIVE, INACTIVE,
// EXPIRING, EXPIRED, SUSPENDED, BANNED), suspended, maxMachines, created; relationships policy,
// product and owner (called user before API 1.6). `included` users (email, fullName or
// firstName/lastName), machines (fingerprint, name, created; relationship license) and policies
// (name). maxMachines null means unlimited.
const STATUSES: Record<string, ImportStatus> = {
  active: "active", inactive: "inactive", expiring: "active", expired: "expired", suspended: "disabled", banned: "disabled",
};

export function parseKeygenJson(text: string): ParseResult {
  const docs = jsonDocuments(text);
  if ("error" in docs) return { records: [], errors: [{ row: 0, field: "file", message: docs.error }], rowCount: 0 };
  const users = new Map<string, Resource>();
  const policies = new Map<string, Resource>();
  const products = new Map<string, Resource>();
  const machines = new Map<string, ImportActivation[]>();
  for (const inc of docs.included) {
    const id = scalar(inc.id);
    if (!id) continue;
    if (inc.type === "users") users.set(id, inc);
    else if (inc.type === "policies") policies.set(id, inc);
    else if (inc.type === "products") products.set(id, inc);
    else if (inc.type === "machines") {
      const a = asRecord(inc.attributes);
      const license = relatedId(inc, "license");
      const fingerprint = scalar(a.fingerprint);
      if (!license || !fingerprint) continue;
      const created = scalar(a.created);
      const list = machines.get(license) ?? [];
      list.push({ kind: "fingerprint", fingerprint, label: scalar(a.name), createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null });
      machines.set(license, list);
    }
  }

  const errors: RowError[] = [];
  const records: ImportRecord[] = [];
  docs.data.forEach((item, i) => {
    const row = i + 1;
    const before = errors.length;
    const r = fieldReaders(row, errors);
    if (item.type !== "licenses") {
      r.fail("type", `Expected "licenses", got "${String(item.type).slice(0, 40)}".`);
      return;
    }
    const a = asRecord(item.attributes);
    const id = scalar(item.id);
    const rawKey = scalar(a.key);
    const key = rawKey ? canonicalLicenseKey(rawKey) : null;
    if (!key) r.fail("key", rawKey ? "Not a usable license key (6–256 printable ASCII characters)." : "Required.");
    const rawStatus = (scalar(a.status) ?? "").toLowerCase();
    const status = a.suspended === true ? "disabled" : STATUSES[rawStatus];
    if (!status) r.fail("status", rawStatus ? `Unknown status "${rawStatus.slice(0, 30)}".` : "Required.");
    const policyId = relatedId(item, "policy");
    const productId = relatedId(item, "product") ?? policyId;
    if (!productId) r.fail("product", "Required (relationships.product or relationships.policy).");
    const ownerId = relatedId(item, "owner", "user");
    const owner = ownerId ? asRecord(users.get(ownerId)?.attributes) : {};
    if (ownerId && !users.has(ownerId)) r.fail("owner", `User ${ownerId.slice(0, 40)} is not in "included" (export with include=owner).`);
    const email = r.email("owner.email", scalar(owner.email));
    const fullName = scalar(owner.fullName) ?? ([scalar(owner.firstName), scalar(owner.lastName)].filter(Boolean).join(" ") || null);
    const limit = r.count("maxMachines", typeof a.maxMachines === "number" ? a.maxMachines : scalar(a.maxMachines));
    const expiresAt = r.date("expiry", scalar(a.expiry));
    const createdAt = r.date("created", scalar(a.created));
    if (errors.length > before || !key || !status || !productId || email === undefined || limit === undefined || expiresAt === undefined || createdAt === undefined) return;
    const productName = scalar(asRecord(products.get(productId)?.attributes).name);
    const policyName = policyId ? scalar(asRecord(policies.get(policyId)?.attributes).name) : null;
    records.push({
      row, sourceId: id ?? key.key, key: key.key, email, name: fullName, status, expiresAt, activationLimit: limit,
      activations: (id ? machines.get(id) : undefined) ?? [],
      sourceProduct: { id: productId, name: [productName, policyName].filter(Boolean).join(" · ") || scalar(a.name), variantId: policyId !== productId ? policyId : null },
      createdAt,
    });
  });
  return { records, errors, rowCount: docs.data.length };
}
