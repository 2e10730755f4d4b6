import { z } from "zod";
import { getLicenseSnapshot } from "@/lib/cache/license-cache";
import { keyHashOf } from "@/lib/licensing/key-material";
import type { ActivationState } from "@/lib/licensing/snapshot";
import { INSTANCE_FINGERPRINT_PREFIX } from "@/lib/licensing/activate-instance";

// Lemon Squeezy's License API fields (form-encoded or JSON), with its validation messages.
// Blank counts as absent; numbers (JSON) as text.
const blankless = (v: unknown) => (v === null ? undefined : typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() || undefined : v);
const text = (name: string, max: number) => z.string({ error: `The ${name} field is required.` }).max(max, `The ${name} may not be greater than ${max} characters.`);
const field = (name: string, max: number) => z.preprocess(blankless, text(name, max));
const optionalField = (name: string, max: number) => z.preprocess(blankless, text(name, max).optional());

export const lsActivateBody = z.object({ license_key: field("license_key", 100), instance_name: field("instance_name", 255) });
export const lsValidateBody = z.object({ license_key: field("license_key", 100), instance_id: optionalField("instance_id", 64) });
export const lsDeactivateBody = z.object({ license_key: field("license_key", 100), instance_id: field("instance_id", 64) });

export type InstanceOfKey = { activation: ActivationState; scope: { fingerprint: string } | { domain: string } };

/**
 * An instance of the key's license and the scope that validates it; null when it is unknown or
 * released. Instances imported from Lemon Squeezy keep the id clients already store there.
 */
export async function findInstance(key: string, instanceId: string): Promise<InstanceOfKey | null> {
  const keyHash = keyHashOf(key);
  const s = keyHash ? await getLicenseSnapshot(keyHash) : null;
  const imported = `${INSTANCE_FINGERPRINT_PREFIX}${instanceId}`;
  const activation = s?.activations.find((a) => (a.id === instanceId || (a.kind === "FINGERPRINT" && a.identifier === imported)) && a.status !== "RELEASED");
  if (!activation) return null;
  return { activation, scope: activation.kind === "FINGERPRINT" ? { fingerprint: activation.identifier } : { domain: activation.identifier } };
}
