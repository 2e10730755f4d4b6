import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { invalidateLicense, loadAndStore } from "@/lib/cache/license-cache";
import { LICENSE_TX_OPTIONS, bumpLicenseVersion, lockLicense } from "./locked-license";
import type { LicenseSnapshot } from "./snapshot";

// Staff and integration changes to a license. Each runs under the row lock, writes its audit
// entry in the same transaction, bumps the version and invalidates every cache after commit.
export async function changeLicense(
  actor: AuditActor,
  licenseId: string,
  action: string,
  apply: (tx: Tx, s: LicenseSnapshot) => Promise<Record<string, unknown>>,
): Promise<LicenseSnapshot> {
  const { keyHash, version } = await db.$transaction(async (tx) => {
    const s = await lockLicense(tx, { id: licenseId });
    if (!s) throw new AppError("NOT_FOUND", "No such license.");
    const data = await apply(tx, s);
    const version = await bumpLicenseVersion(tx, s.id);
    const current = await tx.license.findUniqueOrThrow({ where: { id: s.id }, select: { keyHash: true } });
    await recordAudit(tx, actor, action, { type: "license", id: s.id }, data as never);
    return { keyHash: current.keyHash, version };
  }, LICENSE_TX_OPTIONS);
  await invalidateLicense(keyHash, version);
  return (await loadAndStore(keyHash))!;
}

export function suspendLicense(actor: AuditActor, licenseId: string, reason?: string) {
  return changeLicense(actor, licenseId, "license.suspended", async (tx, s) => {
    if (s.status === "REVOKED") throw new AppError("CONFLICT", "A revoked license cannot be suspended.");
    await tx.license.update({ where: { id: s.id }, data: { status: "SUSPENDED", suspendedReason: reason ?? null } });
    return { from: s.status, reason: reason ?? null };
  });
}

export function reinstateLicense(actor: AuditActor, licenseId: string) {
  return changeLicense(actor, licenseId, "license.reinstated", async (tx, s) => {
    if (s.status !== "SUSPENDED") throw new AppError("CONFLICT", "Only a suspended license can be reinstated.");
    await tx.license.update({ where: { id: s.id }, data: { status: "ACTIVE", suspendedReason: null } });
    return { from: s.status };
  });
}

export function revokeLicense(actor: AuditActor, licenseId: string, reason?: string) {
  return changeLicense(actor, licenseId, "license.revoked", async (tx, s) => {
    if (s.status === "REVOKED") throw new AppError("CONFLICT", "The license is already revoked.");
    await tx.license.update({ where: { id: s.id }, data: { status: "REVOKED", suspendedReason: reason ?? null } });
    return { from: s.status, reason: reason ?? null };
  });
}

/** Moves the expiry: by a number of days from the later of now and the current expiry, or to a date (null = perpetual). */
export function extendLicense(actor: AuditActor, licenseId: string, input: { days: number } | { expiresAt: Date | null }, now = Date.now()) {
  return changeLicense(actor, licenseId, "license.extended", async (tx, s) => {
    const expiresAt = "days" in input ? new Date(Math.max(now, s.expiresAt ?? now) + input.days * 86_400_000) : input.expiresAt;
    await tx.license.update({ where: { id: s.id }, data: { expiresAt } });
    return { from: s.expiresAt === null ? null : new Date(s.expiresAt).toISOString(), to: expiresAt?.toISOString() ?? null };
  });
}

/** Frees every seat (support's "reset activations"); does not count against reassignment limits. */
export function resetActivations(actor: AuditActor, licenseId: string, now = Date.now()) {
  return changeLicense(actor, licenseId, "license.activations_reset", async (tx, s) => {
    const active = s.activations.filter((a) => a.status === "ACTIVE").map((a) => a.id);
    await tx.activation.updateMany({ where: { id: { in: active } }, data: { status: "RELEASED", releasedAt: new Date(now) } });
    await tx.activationRelease.createMany({ data: active.map((activationId) => ({ id: newId("release"), licenseId: s.id, activationId, releasedBy: "ADMIN", counts: false })) });
    return { released: active.length };
  });
}

/** Changes the seat count (upgrades, support); existing activations beyond it stop validating. */
export function setLicenseSeats(actor: AuditActor, licenseId: string, seats: number) {
  return changeLicense(actor, licenseId, "license.seats_changed", async (tx, s) => {
    await tx.license.update({ where: { id: s.id }, data: { seats } });
    return { from: s.seats, to: seats };
  });
}

/** A subscription payment failed (at) or was settled (null): PAYMENT_OVERDUE follows at once. */
export function setPaymentOverdue(actor: AuditActor, licenseId: string, at: Date | null) {
  return changeLicense(actor, licenseId, at ? "license.payment_overdue" : "license.payment_settled", async (tx, s) => {
    await tx.license.update({ where: { id: s.id }, data: { paymentOverdueAt: at } });
    return { at: at?.toISOString() ?? null };
  });
}
