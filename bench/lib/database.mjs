// A fresh embedded PostgreSQL for one benchmark run (own temp dir and port, never .data/postgres),
// with pg_stat_statements preloaded so the run can count the statements each scenario causes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";
import { ensureDatabase } from "../../scripts/local-env.mjs";
import { applyMigrations } from "../../scripts/db/engine.mjs";
import { onCleanup, onExit } from "./cleanup.mjs";
import { freePort } from "./processes.mjs";

export const BENCH_DB = "keyfront_bench";

/**
 * Starts PostgreSQL, restarts it once with pg_stat_statements preloaded (falls back to running
 * without when that fails), creates and migrates the bench database.
 * Returns { url, adminUrl, statementsAvailable }.
 */
export async function startBenchDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfront-bench-pg-"));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup(remove);
  // Exiting some other way (an uncaught error, embedded-postgres' own signal handler): a server
  // still running is told to quit at once (its pid is in postmaster.pid), then its files go.
  onExit(() => {
    try {
      const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid) process.kill(pid, "SIGQUIT");
    } catch {
      /* not running */
    }
    remove();
  });
  const port = await freePort();

  let server = await startEmbeddedPostgres({ dir: dataDir, port, persistent: true });
  onCleanup(() => server.stop()); // stops whichever `server` runs last
  let statementsAvailable = false;
  try {
    await adminQuery(server.url("postgres"), "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await server.stop();
    try {
      server = await startEmbeddedPostgres({ dir: dataDir, port, persistent: true });
      statementsAvailable = true;
    } catch (err) {
      // The library did not load: forget the setting and start without it.
      const auto = path.join(dataDir, "postgresql.auto.conf");
      fs.writeFileSync(auto, fs.readFileSync(auto, "utf8").replace(/^shared_preload_libraries.*$/m, ""));
      server = await startEmbeddedPostgres({ dir: dataDir, port, persistent: true });
      throw err;
    }
  } catch (err) {
    console.warn(`pg_stat_statements unavailable (${err?.message ?? err}): statement counts will be missing.`);
  }

  await ensureDatabase(server.url("postgres"), BENCH_DB);
  await applyMigrations(server.url(BENCH_DB));
  if (statementsAvailable) {
    try {
      // Read from the admin database, so the benchmark's own reads never count for the bench database.
      await adminQuery(server.url("postgres"), "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    } catch (err) {
      statementsAvailable = false;
      console.warn(`pg_stat_statements: ${err?.message ?? err}`);
    }
  }
  return { url: server.url(BENCH_DB), adminUrl: server.url("postgres"), statementsAvailable, port };
}

async function adminQuery(url, sql) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
