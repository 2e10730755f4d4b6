import { getLicenseSnapshot, loadAndStore } from "@/lib/cache/license-cache";
import { deepFreeze } from "@/lib/deep-freeze";
import { decide, type Decision } from "./decision";
import { decisionStableUntil, evaluateValidation, type ValidationScope } from "./evaluate";
import { keyHashOf } from "./key-material";
import { noteActivationSeen } from "./last-seen";
import type { LicenseSnapshot } from "./snapshot";

export type ValidateInput = ValidationScope & { key: string };

// The same installed copies validate again and again against the same cached snapshot: their
// decision is kept beside the snapshot object (a reloaded or changed license is a new object) and
// reused while nothing time-dependent in it can change (decisionStableUntil). A snapshot keeps
// decisions for at most MAX_SCOPES scopes; past that it starts over.
type Reused = { decision: Decision; activationId: string | null; from: number; until: number };
const MAX_SCOPES = 64;
const reused = new WeakMap<LicenseSnapshot, Map<string, Reused>>();

const scopeKey = (input: ValidateInput) => JSON.stringify([input.fingerprint, input.domain, input.product, input.entitlements]);

/**
 * The hot path: a decision from the cached license state, no database write. A "dead" verdict
 * from a cached copy is confirmed against the database first (a heartbeat may have landed on
 * another instance since the copy was made). The decision returned may be shared: it is frozen.
 */
export async function validateLicense(input: ValidateInput, now = Date.now()): Promise<Decision> {
  const keyHash = keyHashOf(input.key);
  if (!keyHash) return decide("NOT_FOUND", null, null, now);
  let snapshot = await getLicenseSnapshot(keyHash);
  if (!snapshot) return decide("NOT_FOUND", null, null, now);

  const key = scopeKey(input);
  const known = reused.get(snapshot)?.get(key);
  if (known && known.from <= now && now < known.until) {
    if (known.activationId) noteActivationSeen(known.activationId, now);
    return known.decision;
  }

  let result = evaluateValidation(snapshot, input, now);
  if (result.code === "HEARTBEAT_DEAD") {
    snapshot = await loadAndStore(keyHash);
    result = evaluateValidation(snapshot, input, now);
  }
  if (result.activation) noteActivationSeen(result.activation.id, now);
  const decision = decide(result.code, snapshot, result.activation, now);
  // A dead verdict is confirmed each time (see above); everything else is reused.
  if (snapshot && result.code !== "HEARTBEAT_DEAD") {
    let scopes = reused.get(snapshot);
    if (!scopes) reused.set(snapshot, (scopes = new Map()));
    if (scopes.size >= MAX_SCOPES) scopes.clear();
    scopes.set(key, { decision: deepFreeze(decision), activationId: result.activation?.id ?? null, from: now, until: decisionStableUntil(snapshot, now) });
  }
  return decision;
}
