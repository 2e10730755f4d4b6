import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { scopeFor } from "@/lib/api/compat/edd/edd-params";
import { INSTANCE_FINGERPRINT_PREFIX } from "../activate-instance";
import { isDevDomain, normalizeDomain, normalizeFingerprint } from "../domains";
import { keyLookupOf } from "../key-material";
import { licenseKeyHint } from "../license-key";
import { sourceProductKey, SOURCE_OF_FORMAT, type ImportRecord, type RowError } from "./import-record";
import { parseImportFile } from "./parse-import-file";
import { MAX_IMPORT_ROWS, type ImportLicensesData } from "./schemas";

// What an import would do, read-only: parse, map source products to plans, turn the source's
// activations into Keyfront's, find the customers and the licenses that are already here.
export type PlannedActivation = { kind: "FINGERPRINT" | "DOMAIN"; identifier: string; label: string | null; countsToLimit: boolean; createdAt: Date | null };

export type PlannedLicense = {
  record: ImportRecord;
  keyHash: string;
  productId: string;
  planId: string;
  seats: number;
  entitlements: string[];
  activations: PlannedActivation[];
};

export type SourceProductSummary = { key: string; id: string; name: string | null; variantId: string | null; rows: number; mapped: boolean };

export type ImportRowPreview = { row: number; sourceId: string; keyHint: string; email: string | null; sourceProduct: string; activations: number; outcome: "new" | "alreadyImported" | "error" };

export type ImportPlan = {
  source: (typeof SOURCE_OF_FORMAT)[keyof typeof SOURCE_OF_FORMAT];
  rowCount: number;
  toCreate: PlannedLicense[];
  alreadyImported: number;
  newCustomers: string[];
  errors: RowError[];
  sourceProducts: SourceProductSummary[];
  rows: ImportRowPreview[];
};

type Plan = { id: string; productId: string; activationLimit: number; entitlements: string[]; product: { licenseType: "SOFTWARE" | "SITE" } };

function activationsOf(record: ImportRecord, licenseType: "SOFTWARE" | "SITE", fail: (message: string) => void): PlannedActivation[] {
  const out = new Map<string, PlannedActivation>();
  for (const a of record.activations) {
    let planned: PlannedActivation | null = null;
    if (a.kind === "site") {
      const scope = scopeFor(licenseType, a.url);
      if (!scope) fail(`Activated URL "${a.url.slice(0, 80)}" names no domain.`);
      else if ("domain" in scope) planned = { kind: "DOMAIN", identifier: scope.domain, label: a.url.slice(0, 120), countsToLimit: !isDevDomain(scope.domain), createdAt: null };
      else planned = { kind: "FINGERPRINT", identifier: scope.fingerprint, label: a.url.slice(0, 120), countsToLimit: true, createdAt: null };
    } else if (a.kind === "fingerprint") {
      const fp = normalizeFingerprint(a.fingerprint);
      if (licenseType === "SITE") fail("Machines are devices: map this product to a software (not site) product.");
      else if (!fp) fail(`Machine fingerprint "${a.fingerprint.slice(0, 40)}" is not 16–256 printable ASCII characters.`);
      else planned = { kind: "FINGERPRINT", identifier: fp, label: a.label?.slice(0, 120) ?? null, countsToLimit: true, createdAt: a.createdAt };
    } else if (licenseType === "SOFTWARE") {
      planned = { kind: "FINGERPRINT", identifier: `${INSTANCE_FINGERPRINT_PREFIX}${a.instanceId.slice(0, 200)}`, label: a.label?.slice(0, 120) ?? null, countsToLimit: true, createdAt: a.createdAt };
    } else {
      const domain = a.label ? normalizeDomain(a.label) : null;
      if (!domain) fail(`Instance "${(a.label ?? a.instanceId).slice(0, 80)}" names no site for a site license.`);
      else planned = { kind: "DOMAIN", identifier: domain, label: a.label!.slice(0, 120), countsToLimit: !isDevDomain(domain), createdAt: a.createdAt };
    }
    if (planned && !out.has(planned.identifier)) out.set(planned.identifier, planned);
  }
  return [...out.values()];
}

export async function planImport(db: DbOrTx, data: ImportLicensesData): Promise<ImportPlan> {
  const source = SOURCE_OF_FORMAT[data.format];
  const parsed = parseImportFile(data.format, data.file);
  if (parsed.rowCount > MAX_IMPORT_ROWS) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file has ${parsed.rowCount} rows; import at most ${MAX_IMPORT_ROWS} at a time.`, { fields: { file: ["tooManyRows"] } });
  }
  const errors = [...parsed.errors];
  const rows: ImportRowPreview[] = [];
  const products = new Map<string, SourceProductSummary>();
  for (const r of parsed.records) {
    const key = sourceProductKey(r.sourceProduct);
    const summary = products.get(key) ?? { key, ...r.sourceProduct, rows: 0, mapped: key in data.mapping };
    summary.rows++;
    products.set(key, summary);
  }

  const planIds = [...new Set(Object.values(data.mapping).map((m) => m.planId))];
  const plans = new Map<string, Plan>(
    (await db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, productId: true, activationLimit: true, entitlements: true, product: { select: { licenseType: true } } } }))
      .map((p) => [p.id, p]),
  );
  for (const [key, m] of Object.entries(data.mapping)) {
    const plan = plans.get(m.planId);
    if (!plan || plan.productId !== m.productId) {
      throw new AppError("VALIDATION_FAILED", "A mapping names a plan that is not a plan of the chosen product.", { fields: { [`mapping.${key}`]: ["invalidPlan"] } });
    }
  }

  const lookups = parsed.records.map((r) => keyLookupOf(r.key)!);
  const existing = await db.license.findMany({
    where: { OR: [{ keyHash: { in: lookups.map((l) => l.hash) } }, { importSource: source, importSourceId: { in: parsed.records.map((r) => r.sourceId) } }] },
    select: { keyHash: true, importSource: true, importSourceId: true },
  });
  const byHash = new Map(existing.map((e) => [e.keyHash, e]));
  const bySourceId = new Set(existing.filter((e) => e.importSource === source).map((e) => e.importSourceId));

  const toCreate: PlannedLicense[] = [];
  let alreadyImported = 0;
  parsed.records.forEach((record, i) => {
    const lookup = lookups[i]!;
    const preview = (outcome: ImportRowPreview["outcome"], activations = record.activations.length): ImportRowPreview => ({
      row: record.row, sourceId: record.sourceId, keyHint: licenseKeyHint(lookup.key), email: record.email,
      sourceProduct: record.sourceProduct.name ?? record.sourceProduct.id, activations, outcome,
    });
    const found = byHash.get(lookup.hash);
    if (found && found.importSource === source) {
      alreadyImported++;
      rows.push(preview("alreadyImported"));
      return;
    }
    const before = errors.length;
    const fail = (field: string, message: string) => errors.push({ row: record.row, field, message });
    if (found) fail("key", "A license with this key already exists in Keyfront.");
    else if (bySourceId.has(record.sourceId)) fail("id", `License ${record.sourceId.slice(0, 40)} was already imported with another key.`);
    const mapping = data.mapping[sourceProductKey(record.sourceProduct)];
    const plan = mapping ? plans.get(mapping.planId) : undefined;
    if (!plan) fail("product", `Choose a Keyfront plan for "${(record.sourceProduct.name ?? record.sourceProduct.id).slice(0, 80)}".`);
    const activations = plan ? activationsOf(record, plan.product.licenseType, (m) => fail("activations", m)) : [];
    if (errors.length > before || !plan) {
      rows.push(preview("error"));
      return;
    }
    const counting = activations.filter((a) => a.countsToLimit).length;
    // Every activation the customer has keeps working; unlimited at the source becomes the plan's limit.
    const seats = Math.max(record.activationLimit ?? plan.activationLimit, counting, 1);
    toCreate.push({ record, keyHash: lookup.hash, productId: plan.productId, planId: plan.id, seats, entitlements: plan.entitlements, activations });
    rows.push(preview("new", activations.length));
  });

  const emails = [...new Set(toCreate.map((l) => l.record.email).filter((e): e is string => e !== null))];
  const known = new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email));
  return {
    source, rowCount: parsed.rowCount, toCreate, alreadyImported, newCustomers: emails.filter((e) => !known.has(e)),
    errors: errors.sort((a, b) => a.row - b.row), sourceProducts: [...products.values()], rows,
  };
}
