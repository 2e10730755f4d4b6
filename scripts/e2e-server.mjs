// The server Playwright tests run against: the production build on a fresh embedded PostgreSQL
// (its own data dir and port), migrated, with the local email outbox. Stops everything on exit.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { DATA_DIR, ensureDatabase, loadLocalSecrets } from "./local-env.mjs";
import { applyMigrations } from "./db/engine.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PG_PORT ?? 54339);
const appPort = process.env.E2E_APP_PORT ?? "3100";
const dir = path.join(DATA_DIR, "e2e-postgres");
fs.rmSync(dir, { recursive: true, force: true });

const pg = await startEmbeddedPostgres({ dir, port });
await ensureDatabase(pg.url("postgres"), "keyfront");
await applyMigrations(pg.url("keyfront"));

const env = {
  ...process.env,
  ...loadLocalSecrets(),
  NODE_ENV: "production",
  DATABASE_URL: pg.url("keyfront"),
  KEYFRONT_EMBEDDED: "1",
  APP_URL: `http://localhost:${appPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The production server: the fast licensing-API dispatcher in front of Next (npm run build makes it).
const next = spawn(process.execPath, [path.join(root, ".next/keyfront-server.mjs")], { cwd: root, env: { ...env, PORT: appPort }, stdio: "inherit" });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((r) => { next.once("exit", r); setTimeout(r, 5000).unref(); });
  }
  await pg.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", () => void stop());
