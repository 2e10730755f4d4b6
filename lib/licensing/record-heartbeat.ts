import { db } from "@/lib/db";
import { decide, type Decision } from "./decision";
import { evaluateLicenseState } from "./evaluate";
import { keyHashOf } from "./key-material";
import { getLicenseSnapshot, loadAndStore } from "@/lib/cache/license-cache";

/**
 * A ping from an activation of a plan with heartbeats. One conditional UPDATE: a dead or
 * released activation is not revived (the client must activate again).
 */
export async function recordHeartbeat(input: { key: string; activationId: string }, now = Date.now()): Promise<Decision> {
  const keyHash = keyHashOf(input.key);
  if (!keyHash) return decide("NOT_FOUND", null, null, now);
  const s = await getLicenseSnapshot(keyHash);
  const blocked = evaluateLicenseState(s, undefined, now);
  if (blocked || !s) return decide(blocked ?? "NOT_FOUND", s, null, now);
  const cached = s.activations.find((a) => a.id === input.activationId);
  if (!cached) return decide("NOT_ACTIVATED", s, null, now);

  // Heartbeats do not invalidate caches: a cached copy with an older ping can only err towards
  // "dead", and validation confirms every "dead" verdict against the database.
  const updated = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Activation" AS a SET "lastHeartbeatAt" = ${new Date(now)}
    FROM "License" l JOIN "Plan" p ON p."id" = l."planId"
    WHERE a."id" = ${input.activationId} AND a."licenseId" = l."id" AND l."keyHash" = ${keyHash} AND a."status" = 'ACTIVE'
      AND (p."heartbeatIntervalSec" IS NULL
           OR COALESCE(a."lastHeartbeatAt", a."createdAt") + make_interval(secs => p."heartbeatIntervalSec" + p."heartbeatGraceSec") >= ${new Date(now)})
    RETURNING a."id"`;
  if (updated.length === 0) {
    const fresh = (await loadAndStore(keyHash)) ?? s;
    const a = fresh.activations.find((x) => x.id === input.activationId) ?? null;
    return decide(a ? "HEARTBEAT_DEAD" : "NOT_ACTIVATED", fresh, a, now);
  }
  const next = { ...s, activations: s.activations.map((a) => (a.id === input.activationId ? { ...a, lastHeartbeatAt: now } : a)) };
  return decide("HEARTBEAT_OK", next, next.activations.find((a) => a.id === input.activationId)!, now);
}
