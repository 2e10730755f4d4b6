import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import type { DecisionCode } from "./codes";
import { extendLicense, reinstateLicense, resetActivations, revokeLicense, suspendLicense } from "./change-license";
import { releaseActivationOfLicense } from "./deactivate-activation";
import { revealLicenseKey } from "./reveal-license-key";
import { rotateLicenseKey } from "./rotate-license-key";
import { activationIdField, licenseIdField, type ActorContext } from "./release-own-activation";

// Staff changes to a license from the admin panel. Each function checks the role itself (admins
// only; support staff read), whoever calls it, then runs one audited change.
const target = z.object({ licenseId: licenseIdField });
const reason = z.string().trim().min(1, "required").max(500, "tooLong");
const suspendSchema = target.extend({ reason });
const revokeSchema = target.extend({ reason, confirm: z.literal("yes", { error: "required" }) });
const extendSchema = target.extend({ days: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(36_500, "invalid") });
const releaseSchema = target.extend({ activationId: activationIdField });

function admin(viewer: Viewer | null, ctx: ActorContext): AuditActor {
  assertRole(viewer, ADMIN_ROLES);
  return { type: "USER", id: viewer.id, ip: ctx.ip, requestId: ctx.requestId };
}

export async function adminSuspendLicense(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<void> {
  const actor = admin(viewer, ctx);
  const { licenseId, reason } = parseInput(suspendSchema, input);
  await suspendLicense(actor, licenseId, reason);
}

export async function adminReinstateLicense(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<void> {
  const actor = admin(viewer, ctx);
  await reinstateLicense(actor, parseInput(target, input).licenseId);
}

/** Revocation is final; the form must carry an explicit confirmation. */
export async function adminRevokeLicense(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<void> {
  const actor = admin(viewer, ctx);
  const { licenseId, reason } = parseInput(revokeSchema, input);
  await revokeLicense(actor, licenseId, reason);
}

export async function adminExtendLicense(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<{ expiresAt: Date | null }> {
  const actor = admin(viewer, ctx);
  const { licenseId, days } = parseInput(extendSchema, input);
  const s = await extendLicense(actor, licenseId, { days });
  return { expiresAt: s.expiresAt === null ? null : new Date(s.expiresAt) };
}

export async function adminResetActivations(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<void> {
  const actor = admin(viewer, ctx);
  await resetActivations(actor, parseInput(target, input).licenseId);
}

/** Frees one seat; staff releases do not count against the customer's reassignment limit. */
export async function adminReleaseActivation(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<{ code: DecisionCode }> {
  const actor = admin(viewer, ctx);
  const { licenseId, activationId } = parseInput(releaseSchema, input);
  const decision = await releaseActivationOfLicense(licenseId, activationId, "ADMIN");
  if (decision.code === "DEACTIVATED") {
    await recordAudit(db, actor, "activation.released", { type: "license", id: licenseId }, { activationId, by: "ADMIN" });
  }
  return { code: decision.code };
}

export async function adminRevealLicenseKey(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<string> {
  const actor = admin(viewer, ctx);
  return revealLicenseKey(actor, parseInput(target, input).licenseId);
}

export async function adminRotateLicenseKey(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}) {
  const actor = admin(viewer, ctx);
  return rotateLicenseKey(actor, parseInput(target, input).licenseId);
}
