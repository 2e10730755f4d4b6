import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { invalidateLicense, loadAndStore } from "@/lib/cache/license-cache";
import { decide, type Decision } from "./decision";
import { keyHashOf } from "./key-material";
import { LICENSE_TX_OPTIONS, bumpLicenseVersion, lockLicense } from "./locked-license";
import type { LicenseSnapshot } from "./snapshot";

export type ReleasedBy = "CLIENT" | "CUSTOMER" | "ADMIN";

export type DeactivateTarget = { activationId?: string; fingerprint?: string; domain?: string };

const DAY_MS = 86_400_000;

/**
 * Releases one activation. Clients and customers are held to the plan's reassignment limit
 * (releases per period) and cool-down (time between releases); admins are not.
 */
async function release(
  by: { keyHash: string } | { id: string },
  target: DeactivateTarget,
  releasedBy: ReleasedBy,
  now: number,
): Promise<{ decision: Decision; keyHash: string | null }> {
  const outcome = await db.$transaction(async (tx) => {
    const s = await lockLicense(tx, by);
    if (!s) return { code: "NOT_FOUND" as const, s: null, version: null };
    const activation = s.activations.find((a) =>
      target.activationId ? a.id === target.activationId : a.identifier === (target.fingerprint ?? target.domain),
    );
    if (!activation || activation.status !== "ACTIVE") return { code: "NOT_ACTIVATED" as const, s, version: null };
    const counts = releasedBy !== "ADMIN";
    if (counts) {
      const plan = await tx.plan.findUniqueOrThrow({ where: { id: s.planId }, select: { reassignmentLimit: true, reassignmentPeriodDays: true, reassignmentCooldownSec: true } });
      const since = new Date(now - plan.reassignmentPeriodDays * DAY_MS);
      const recent = await tx.activationRelease.findMany({ where: { licenseId: s.id, counts: true, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      if (recent.length >= plan.reassignmentLimit) return { code: "REASSIGNMENT_LIMIT_REACHED" as const, s, version: null };
      if (recent[0] && recent[0].createdAt.getTime() + plan.reassignmentCooldownSec * 1000 > now) return { code: "COOLDOWN_ACTIVE" as const, s, version: null };
    }
    await tx.activation.update({ where: { id: activation.id }, data: { status: "RELEASED", releasedAt: new Date(now) } });
    await tx.activationRelease.create({ data: { id: newId("release"), licenseId: s.id, activationId: activation.id, releasedBy, counts } });
    return { code: "DEACTIVATED" as const, s, version: await bumpLicenseVersion(tx, s.id) };
  }, LICENSE_TX_OPTIONS);
  if (!outcome.s) return { decision: decide("NOT_FOUND", null, null, now), keyHash: null };
  let s: LicenseSnapshot = outcome.s;
  if (outcome.version !== null) {
    await invalidateLicense(s.keyHash, outcome.version);
    s = (await loadAndStore(s.keyHash)) ?? s;
  }
  return { decision: decide(outcome.code, s, null, now), keyHash: s.keyHash };
}

/** Client-side release (the licensing API): the key proves the right to release. */
export async function deactivateActivation(input: { key: string } & DeactivateTarget, now = Date.now()): Promise<Decision> {
  const keyHash = keyHashOf(input.key);
  if (!keyHash) return decide("NOT_FOUND", null, null, now);
  return (await release({ keyHash }, input, "CLIENT", now)).decision;
}

/** Release by license id: the portal (after an ownership check) or an admin. */
export async function releaseActivationOfLicense(licenseId: string, activationId: string, releasedBy: Exclude<ReleasedBy, "CLIENT">, now = Date.now()): Promise<Decision> {
  return (await release({ id: licenseId }, { activationId }, releasedBy, now)).decision;
}
