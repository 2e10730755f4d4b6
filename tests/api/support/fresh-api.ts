// lib/env.ts parses process.env once per module instance and caches it. To serve the API under
// other settings (e.g. RATE_LIMIT_SCALE) inside one test file, set the variables and load a fresh
// module graph: every module imported after vi.resetModules() reads the environment anew. The
// database client and the shared store live on globalThis and are shared across graphs; the
// store is replaced so counters and blocks of an earlier phase do not carry over.
import { vi } from "vitest";

export async function startFreshApi(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  vi.resetModules();
  const { getEnv } = await import("@/lib/env");
  const { setSharedStore, getSharedStore } = await import("@/lib/cache/shared");
  const limits = await import("@/lib/http/api-rate-limit");
  const { startApiServer } = await import("../../support/api-server");
  const validateRoute = await import("@/app/api/v1/licenses/validate/route");
  setSharedStore(undefined);
  const server = await startApiServer();
  return { ...server, env: getEnv(), store: getSharedStore(), limits, validateRoute };
}
