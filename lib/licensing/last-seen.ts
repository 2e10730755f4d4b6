import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

// Validations never write synchronously: "last seen" times are collected in memory and written
// in one statement per FLUSH_MS.
const FLUSH_MS = 2_000;
const pending = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;

export function noteActivationSeen(activationId: string, at = Date.now()): void {
  pending.set(activationId, at);
  if (!timer) {
    timer = setInterval(() => void flushLastSeen(), FLUSH_MS);
    timer.unref();
  }
}

export async function flushLastSeen(): Promise<number> {
  if (pending.size === 0) return 0;
  const batch = [...pending];
  pending.clear();
  try {
    return await db.$executeRaw`
      UPDATE "Activation" AS a SET "lastSeenAt" = v.seen
      FROM unnest(${batch.map(([id]) => id)}::text[], ${batch.map(([, at]) => new Date(at))}::timestamp[]) AS v(id, seen)
      WHERE a."id" = v.id AND (a."lastSeenAt" IS NULL OR a."lastSeenAt" < v.seen)`;
  } catch (err) {
    logger.warn("last-seen flush failed", { err, count: batch.length });
    return 0;
  }
}
