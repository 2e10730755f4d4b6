import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { invalidateLicense } from "@/lib/cache/license-cache";
import { isActivationLive } from "./evaluate";
import type { LicenseSnapshot } from "./snapshot";

/** Inside a locked license: marks activations that missed their heartbeats dead, freeing seats. */
export async function cullDeadActivationsOf(tx: Tx, s: LicenseSnapshot, now: number): Promise<string[]> {
  const dead = s.activations.filter((a) => a.status === "ACTIVE" && !isActivationLive(s, a, now)).map((a) => a.id);
  if (dead.length === 0) return dead;
  await tx.activation.updateMany({ where: { id: { in: dead } }, data: { status: "DEAD", releasedAt: new Date(now) } });
  await tx.activationRelease.createMany({
    data: dead.map((activationId) => ({ id: newId("release"), licenseId: s.id, activationId, releasedBy: "HEARTBEAT", counts: false })),
  });
  for (const a of s.activations) if (dead.includes(a.id)) a.status = "DEAD";
  return dead;
}

/**
 * The periodic sweep (floating licenses): every activation whose plan wants heartbeats and whose
 * last ping is older than interval + grace becomes dead. Returns how many were culled.
 */
export async function cullDeadActivations(now = new Date()): Promise<number> {
  const rows = await db.$transaction(async (tx) => {
    const culled = await tx.$queryRaw<{ id: string; licenseId: string }[]>`
      UPDATE "Activation" AS a SET "status" = 'DEAD', "releasedAt" = ${now}
      FROM "License" l JOIN "Plan" p ON p."id" = l."planId"
      WHERE a."licenseId" = l."id" AND a."status" = 'ACTIVE' AND p."heartbeatIntervalSec" IS NOT NULL
        AND COALESCE(a."lastHeartbeatAt", a."createdAt") + make_interval(secs => p."heartbeatIntervalSec" + p."heartbeatGraceSec") < ${now}
      RETURNING a."id", a."licenseId"`;
    if (culled.length === 0) return [];
    await tx.activationRelease.createMany({
      data: culled.map((c) => ({ id: newId("release"), licenseId: c.licenseId, activationId: c.id, releasedBy: "HEARTBEAT", counts: false })),
    });
    const licenseIds = [...new Set(culled.map((c) => c.licenseId))];
    return tx.$queryRaw<{ keyHash: string; version: number }[]>`
      UPDATE "License" SET "version" = "version" + 1 WHERE "id" = ANY(${licenseIds}::text[]) RETURNING "keyHash", "version"`;
  });
  for (const r of rows) await invalidateLicense(r.keyHash, r.version);
  return rows.length === 0 ? 0 : rows.length;
}
