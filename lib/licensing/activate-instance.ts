import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { getLicenseSnapshot } from "@/lib/cache/license-cache";
import { activateLicense } from "./activate-license";
import { decide, type Decision } from "./decision";
import { normalizeDomain } from "./domains";
import { keyHashOf } from "./key-material";

export type ActivateInstanceInput = {
  key: string;
  product?: string;
  /** the client's name for the installation (a computer's name; a site license's domain) */
  instanceName: string;
};

/** Fingerprint prefix of instances created by name rather than by a device fingerprint. */
export const INSTANCE_FINGERPRINT_PREFIX = "instance-";

/**
 * Activates a named instance, for clients that do not send a device fingerprint (Lemon Squeezy's
 * /licenses/activate). On a software license every call binds a new instance: a generated
 * fingerprint, the name as its label. On a site license the name is the site, so the same site
 * again is the same activation. Locking and seat counting are activateLicense's own.
 */
export async function activateInstance(input: ActivateInstanceInput, now = Date.now()): Promise<Decision & { created: boolean }> {
  const keyHash = keyHashOf(input.key);
  const s = keyHash ? await getLicenseSnapshot(keyHash) : null;
  if (!s) return { ...decide("NOT_FOUND", null, null, now), created: false };
  const label = input.instanceName.trim().slice(0, 120) || undefined;
  if (s.licenseType === "SOFTWARE") {
    return activateLicense({ key: input.key, product: input.product, fingerprint: `${INSTANCE_FINGERPRINT_PREFIX}${randomUUID()}`, label }, now);
  }
  const domain = normalizeDomain(input.instanceName);
  if (!domain) {
    throw new AppError("VALIDATION_FAILED", "This license activates by domain: name the site.", {
      fields: { instance_name: ["Must be the site's domain for a site license."] },
    });
  }
  return activateLicense({ key: input.key, product: input.product, domain, label }, now);
}
