import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { invalidateLicense, loadAndStore } from "@/lib/cache/license-cache";
import { decide, type Decision } from "./decision";
import { evaluateLicenseState, isActivationLive, seatsUsed } from "./evaluate";
import { isDevDomain } from "./domains";
import { keyHashOf } from "./key-material";
import { LICENSE_TX_OPTIONS, bumpLicenseVersion, lockLicense } from "./locked-license";
import { cullDeadActivationsOf } from "./cull-dead-activations";
import { AppError } from "@/lib/errors";

export type ActivateInput = {
  key: string;
  product?: string;
  /** exactly one of fingerprint (software licenses) or domain (site licenses), already normalized */
  fingerprint?: string;
  domain?: string;
  label?: string;
};

/**
 * Binds a license to a device or site. Runs under the license's row lock, so N parallel calls on
 * an N-seat license activate exactly N; the same device or site again is answered idempotently.
 */
export async function activateLicense(input: ActivateInput, now = Date.now()): Promise<Decision & { created: boolean }> {
  const keyHash = keyHashOf(input.key);
  if (!keyHash) return { ...decide("NOT_FOUND", null, null, now), created: false };
  const kind = input.fingerprint !== undefined ? "FINGERPRINT" : "DOMAIN";
  const identifier = (input.fingerprint ?? input.domain)!;

  const outcome = await db.$transaction(async (tx) => {
    const s = await lockLicense(tx, { keyHash });
    const blocked = evaluateLicenseState(s, input.product, now);
    if (blocked || !s) return { code: blocked ?? "NOT_FOUND", s, activationId: null, created: false, version: null };
    if ((s.licenseType === "SOFTWARE") !== (kind === "FINGERPRINT")) {
      throw new AppError("VALIDATION_FAILED", s.licenseType === "SOFTWARE" ? "This license activates by device fingerprint." : "This license activates by domain.", {
        fields: { [s.licenseType === "SOFTWARE" ? "fingerprint" : "domain"]: ["Required for this license."] },
      });
    }
    const culled = await cullDeadActivationsOf(tx, s, now);

    const existing = await tx.activation.findUnique({ where: { licenseId_identifier: { licenseId: s.id, identifier } } });
    const live = existing ? s.activations.find((a) => a.id === existing.id) : undefined;
    if (existing && live && isActivationLive(s, live, now)) {
      const version = culled.length ? await bumpLicenseVersion(tx, s.id) : null;
      return { code: "ALREADY_ACTIVATED" as const, s, activationId: existing.id, created: false, version };
    }

    const counts = !(kind === "DOMAIN" && isDevDomain(identifier));
    if (counts && seatsUsed(s, now) >= s.seats) {
      const version = culled.length ? await bumpLicenseVersion(tx, s.id) : null;
      return { code: "ACTIVATION_LIMIT_REACHED" as const, s, activationId: null, created: false, version };
    }
    const data = { status: "ACTIVE" as const, countsToLimit: counts, label: input.label ?? null, lastHeartbeatAt: new Date(now), releasedAt: null };
    const activation = existing
      ? await tx.activation.update({ where: { id: existing.id }, data })
      : await tx.activation.create({ data: { id: newId("activation"), licenseId: s.id, kind, identifier, createdAt: new Date(now), ...data } });
    const version = await bumpLicenseVersion(tx, s.id);
    return { code: "ACTIVATED" as const, s, activationId: activation.id, created: true, version };
  }, LICENSE_TX_OPTIONS);

  if (outcome.version !== null) await invalidateLicense(keyHash, outcome.version);
  if (!outcome.s) return { ...decide(outcome.code, null, null, now), created: false };
  // Answer from the state after the change (and warm the caches with it).
  const s = outcome.version !== null ? ((await loadAndStore(keyHash)) ?? outcome.s) : outcome.s;
  const activation = s.activations.find((a) => a.id === outcome.activationId) ?? null;
  return { ...decide(outcome.code, s, activation, now), created: outcome.created };
}
