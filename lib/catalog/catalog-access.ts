import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/audit/record-audit";
import { ADMIN_ROLES, STAFF_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";

// Who may do what to the catalog: admins change it, support staff only read it.

/** Request metadata recorded with each audit entry. */
export type CatalogContext = { ip?: string | null; requestId?: string | null };

/** Throws unless the viewer is an admin; returns the audit actor for the change. */
export function catalogAdmin(viewer: Viewer | null, ctx: CatalogContext): AuditActor {
  assertRole(viewer, ADMIN_ROLES);
  return { type: "USER", id: viewer.id, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null };
}

/** Throws unless the viewer is staff (admin or support). */
export function assertCatalogReader(viewer: Viewer | null): asserts viewer is Viewer {
  assertRole(viewer, STAFF_ROLES);
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002";
}

/** The field error for a slug someone already uses (found before writing, or by the unique index). */
export function slugTaken(): AppError {
  return new AppError("VALIDATION_FAILED", "This slug is already in use.", { fields: { slug: ["slugTaken"] } });
}

export function notFound(what: "product" | "plan"): AppError {
  return new AppError("NOT_FOUND", what === "product" ? "No such product." : "No such plan.");
}

/** Only the fields whose value changed, as { field: { from, to } } for the audit entry. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
