import { decide, type Decision } from "./decision";
import { signOfflineToken } from "./receipts";
import { validateLicense } from "./validate-license";
import { getLicenseSnapshot } from "@/lib/cache/license-cache";
import { keyHashOf } from "./key-material";

/**
 * Check-out of a license file: only for a device or site that holds a live activation, valid
 * for the plan's offline TTL (never past the end of the license's grace period).
 */
export async function checkoutOfflineToken(
  input: { key: string; fingerprint?: string; domain?: string; product?: string; ttlSec?: number },
  now = Date.now(),
): Promise<Decision & { token: string | null; expiresAt: string | null }> {
  const decision = await validateLicense(input, now);
  if (!decision.valid || !decision.license || !decision.activation) return { ...decision, token: null, expiresAt: null };
  const snapshot = await getLicenseSnapshot(keyHashOf(input.key)!);
  if (!snapshot) return { ...decide("NOT_FOUND", null, null, now), token: null, expiresAt: null };
  const ttl = Math.min(input.ttlSec ?? snapshot.offlineTokenTtlSec, snapshot.offlineTokenTtlSec);
  const l = decision.license;
  const a = decision.activation;
  const { token, expiresAt } = await signOfflineToken(
    { lic: l.id, product: l.product, ent: l.entitlements, lexp: l.graceEndsAt, act: a.id, kind: a.kind, sub: a.identifier },
    ttl,
    now,
  );
  return { ...decision, token, expiresAt };
}
