import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

export type HealthCheck = { name: string; ok: boolean; latencyMs: number; error?: string };

async function timed(name: string, probe: () => Promise<unknown>): Promise<HealthCheck> {
  const start = performance.now();
  try {
    await probe();
    return { name, ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch (err) {
    logger.warn("health check failed", { check: name, err });
    return { name, ok: false, latencyMs: Math.round(performance.now() - start), error: "unreachable" };
  }
}

/** Checks every dependency Keyfront needs to serve requests. */
export async function checkHealth(): Promise<{ ok: boolean; checks: HealthCheck[] }> {
  const checks = await Promise.all([timed("database", () => db.$queryRaw`SELECT 1`)]);
  return { ok: checks.every((c) => c.ok), checks };
}
