import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { invalidateLicense, loadAndStore } from "@/lib/cache/license-cache";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { licenseKeyHint } from "../license-key";
import type { ActorContext } from "../release-own-activation";
import { planImport, type ImportRowPreview, type SourceProductSummary } from "./plan-import";
import type { RowError } from "./import-record";
import { importLicensesSchema, type ImportLicensesData } from "./schemas";

// Moves licenses exported from another platform into Keyfront, keys unchanged, so shipped
// clients keep working. A dry run reports what would happen; the real run writes everything in
// one transaction (or nothing) and can be repeated: rows already imported are reported, not
// created again.

/**
 * Customers created by an import have no password: this is no argon2 hash, so no password ever
 * verifies against it. They sign in after setting one with "Forgot password" (which also
 * verifies their email address).
 */
export const NO_PASSWORD = "!imported";

const PREVIEW_ROWS = 500;
const PREWARM = 1000;

export type ImportReport = {
  dryRun: boolean;
  source: string;
  rowCount: number;
  /** licenses created (dry run: that would be created) */
  created: number;
  alreadyImported: number;
  customersCreated: number;
  activations: number;
  /** strict mode with errors: nothing was (or would be) written */
  blocked: boolean;
  errors: RowError[];
  sourceProducts: SourceProductSummary[];
  rows: ImportRowPreview[];
};

async function writeImport(actor: AuditActor, data: ImportLicensesData) {
  return db.$transaction(async (tx) => {
    const plan = await planImport(tx, data);
    const blocked = data.strict && plan.errors.length > 0;
    // Blocked, or nothing new (a repeated import): nothing is written, not even an audit entry.
    if (blocked || plan.toCreate.length === 0) return { plan, blocked, written: [] as string[] };
    if (plan.newCustomers.length) {
      await tx.user.createMany({ data: plan.newCustomers.map((email) => ({ id: newId("user"), email, passwordHash: NO_PASSWORD, name: nameOf(plan.toCreate, email) })) });
    }
    const emails = [...new Set(plan.toCreate.map((l) => l.record.email).filter((e): e is string => e !== null))];
    const userIds = new Map((await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
    const now = new Date();
    const licenses = plan.toCreate.map((l) => ({ ...l, id: newId("license") }));
    for (let i = 0; i < licenses.length; i += 500) {
      await tx.license.createMany({
        data: licenses.slice(i, i + 500).map((l) => {
          const r = l.record;
          const disabled = r.status === "disabled";
          return {
            id: l.id, keyHash: l.keyHash, keyCiphertext: encryptSecret(r.key, l.id), keyHint: licenseKeyHint(r.key),
            userId: r.email ? (userIds.get(r.email) ?? null) : null, productId: l.productId, planId: l.planId, seats: l.seats, entitlements: l.entitlements,
            // An expired license without a date at the source expires now.
            expiresAt: r.expiresAt ?? (r.status === "expired" ? now : null),
            status: disabled ? ("SUSPENDED" as const) : ("ACTIVE" as const), suspendedReason: disabled ? `Disabled on ${plan.source} before the import.` : null,
            importSource: plan.source, importSourceId: r.sourceId, createdAt: r.createdAt ?? now,
          };
        }),
      });
    }
    const activations = licenses.flatMap((l) => l.activations.map((a) => ({
      id: newId("activation"), licenseId: l.id, kind: a.kind, identifier: a.identifier, label: a.label, countsToLimit: a.countsToLimit,
      status: "ACTIVE" as const, lastHeartbeatAt: now, createdAt: a.createdAt ?? now,
    })));
    for (let i = 0; i < activations.length; i += 1000) await tx.activation.createMany({ data: activations.slice(i, i + 1000) });
    await recordAudit(tx, actor, "license.imported", undefined, {
      source: plan.source, format: data.format, sha256: createHash("sha256").update(data.file).digest("hex"), rows: plan.rowCount,
      created: licenses.length, alreadyImported: plan.alreadyImported, customersCreated: plan.newCustomers.length, activations: activations.length,
      skippedRows: [...new Set(plan.errors.map((e) => e.row))].length,
    });
    return { plan, blocked, written: licenses.map((l) => l.keyHash) };
  }, { timeout: 120_000, maxWait: 10_000 });
}

function nameOf(licenses: { record: { email: string | null; name: string | null } }[], email: string): string | null {
  return licenses.find((l) => l.record.email === email && l.record.name)?.record.name?.slice(0, 200) ?? null;
}

/** The import for an already authorized actor (the admin panel and the management API call it). */
export async function runLicenseImport(actor: AuditActor, input: unknown): Promise<ImportReport> {
  const data = parseInput(importLicensesSchema, input);
  const outcome = data.dryRun
    ? await planImport(db, data).then((plan) => ({ plan, blocked: data.strict && plan.errors.length > 0, written: [] as string[] }))
    : await writeImport(actor, data).catch((err: unknown) => {
      if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Another import of these licenses ran at the same time; run it again.");
      throw err;
    });
  // New keys may have been asked for before (and remembered as unknown): forget that everywhere.
  for (const keyHash of outcome.written) await invalidateLicense(keyHash, 0);
  for (const keyHash of outcome.written.slice(0, PREWARM)) await loadAndStore(keyHash);
  const { plan } = outcome;
  const wouldCreate = outcome.blocked ? 0 : plan.toCreate.length;
  return {
    dryRun: data.dryRun, source: plan.source, rowCount: plan.rowCount,
    created: data.dryRun ? wouldCreate : outcome.written.length,
    alreadyImported: plan.alreadyImported,
    customersCreated: outcome.blocked ? 0 : plan.newCustomers.length,
    activations: outcome.blocked ? 0 : plan.toCreate.reduce((n, l) => n + l.activations.length, 0),
    blocked: outcome.blocked, errors: plan.errors, sourceProducts: plan.sourceProducts, rows: plan.rows.slice(0, PREVIEW_ROWS),
  };
}

/** Admin panel: admins only (support staff read licenses but do not import). */
export async function importLicenses(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<ImportReport> {
  assertRole(viewer, ADMIN_ROLES);
  return runLicenseImport({ type: "USER", id: viewer.id, ip: ctx.ip, requestId: ctx.requestId }, input);
}
