import { getLicenseSnapshot, loadAndStore } from "@/lib/cache/license-cache";
import { decide, type Decision } from "./decision";
import { evaluateValidation, type ValidationScope } from "./evaluate";
import { keyHashOf } from "./key-material";
import { noteActivationSeen } from "./last-seen";

export type ValidateInput = ValidationScope & { key: string };

/**
 * The hot path: a decision from the cached license state, no database write. A "dead" verdict
 * from a cached copy is confirmed against the database first (a heartbeat may have landed on
 * another instance since the copy was made).
 */
export async function validateLicense(input: ValidateInput, now = Date.now()): Promise<Decision> {
  const keyHash = keyHashOf(input.key);
  if (!keyHash) return decide("NOT_FOUND", null, null, now);
  let snapshot = await getLicenseSnapshot(keyHash);
  let result = evaluateValidation(snapshot, input, now);
  if (result.code === "HEARTBEAT_DEAD") {
    snapshot = await loadAndStore(keyHash);
    result = evaluateValidation(snapshot, input, now);
  }
  if (result.activation) noteActivationSeen(result.activation.id, now);
  return decide(result.code, snapshot, result.activation, now);
}
