// `npm run bench`: the licensing API's hot paths under load, on loopback, against a bare node:http
// server measured in the same run. Prints a table and writes bench/results/latest.json.
// Options: --build (run `npm run build` first), --profile[=warm|cold] (one validate scenario with
// the server under --cpu-prof: prints where the time goes; writes no results).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installSignalHandlers, stopAll } from "./lib/cleanup.mjs";
import { BENCH_DB, startBenchDatabase } from "./lib/database.mjs";
import { ensureBuild, freePort, ROOT, startKeyfront } from "./lib/processes.mjs";
import { addRatios, addStatementRates, evaluateTargets, machine, scenarioTable, statementsTable, targetsTable } from "./lib/report.mjs";
import { PROFILE_POOLS, runProfile } from "./lib/profile-run.mjs";
import { firstValidate, runScenarios } from "./lib/scenarios.mjs";
import { PLAN, seed } from "./lib/seed.mjs";
import { statementCounter } from "./lib/statements.mjs";

const CONFIG = {
  connections: 100,
  seconds: 10,
  warmupSeconds: 3,
  storm: { connections: 5000, seconds: 20 },
  pools: { warm: 2000, cold: 30_000, activate: 5000, heartbeat: 1000 },
  cold: { amount: 28_000, maxSeconds: 15 },
  seats: PLAN.activationLimit,
  rateLimitScale: 100_000,
};

const args = new Set(process.argv.slice(2));
const profileArg = process.argv.slice(2).find((a) => a.startsWith("--profile"));
const log = (line = "") => console.log(line);
const t0 = Date.now();
const step = (text) => log(`• [${String(Math.round((Date.now() - t0) / 1000)).padStart(3)} s] ${text}`);

async function main() {
  installSignalHandlers();
  process.chdir(ROOT);
  const profile = profileArg ? (profileArg.split("=")[1] ?? "warm") : null;
  if (profile && !PROFILE_POOLS[profile]) throw new Error(`--profile=${profile}: use --profile=warm or --profile=cold`);
  const buildWarning = ensureBuild({ force: args.has("--build") });
  if (buildWarning) log(`WARNING: ${buildWarning}`);

  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > os.cpus().length / 2) {
    log(`WARNING: the machine is busy (load average ${loadAtStart.toFixed(2)} on ${os.cpus().length} CPUs): other processes compete with this run; figures will be low and noisy.`);
  }
  step("starting a fresh embedded PostgreSQL (pg_stat_statements preloaded)…");
  const db = await startBenchDatabase();
  const serverEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    RATE_LIMIT_SCALE: String(CONFIG.rateLimitScale),
    LOG_LEVEL: "warn",
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const pools = profile ? PROFILE_POOLS[profile] : CONFIG.pools;
  step(`seeding ${Object.values(pools).reduce((a, b) => a + b, 0).toLocaleString("en-US")} licenses…`);
  const seeded = await seed(db.url, pools, serverEnv);
  log(`  ${seeded.licenses.toLocaleString("en-US")} licenses, ${seeded.activations.toLocaleString("en-US")} activations (plan: ${PLAN.activationLimit} seats, heartbeat every ${PLAN.heartbeatIntervalSec} s)`);

  const port = await freePort();
  const profileDir = profile ? path.join(ROOT, "bench", "results", `profile-${Date.now()}.tmp`) : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  step(`starting the production server (node .next/keyfront-server.mjs${profile ? " --cpu-prof" : ""}, RATE_LIMIT_SCALE=${CONFIG.rateLimitScale})…`);
  const server = await startKeyfront({
    port,
    // Profiles are of the process that serves: no separate accepting primary then.
    env: { ...serverEnv, PORT: String(port), ...(profileDir ? { KEYFRONT_WORKERS: "0" } : {}) },
    nodeFlags: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });

  const firstBody = await firstValidate(server.base, seeded.pools.warm[0]);
  if (profile) return runProfile({ kind: profile, server, seeded, profileDir, config: CONFIG, step, log });

  const counter = db.statementsAvailable ? await statementCounter(db.adminUrl, BENCH_DB) : null;
  const { scenarios, statements, stormConnections } = await runScenarios({ server, seeded, config: CONFIG, counter, step, log, firstBody });

  addRatios(scenarios);
  addStatementRates(scenarios, statements);
  const targets = evaluateTargets(scenarios, statements);
  const notes = [
    `Rate limiting is on with RATE_LIMIT_SCALE=${CONFIG.rateLimitScale}: every request is counted by the limiter, none is refused.`,
    "Load generator (autocannon, one thread) and server share the machine's cores: compare ratios to the bare server, not absolute numbers.",
    "Statement counts come from pg_stat_statements; 'background' = last-seen flush (every 2 s), dead-activation sweep, email-queue sweep and the signing key's timed reload, not caused by a request.",
  ];
  if (buildWarning) notes.push(`WARNING: ${buildWarning}`);
  const loadAverage = { start: Number(loadAtStart.toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) };
  const busiest = Math.max(...Object.values(scenarios).map((s) => s.otherCpuPct ?? 0));
  if (busiest > 10) {
    notes.push(`WARNING: other processes took up to ${busiest}% of the CPUs during a scenario ("others' CPU"): those figures are low and noisy; run again on a quiet machine.`);
  }

  log("");
  log(`Keyfront licensing API benchmark — ${new Date().toISOString()} — ${machine().cpus} CPUs, Node ${process.version}`);
  for (const note of notes) log(`  ${note}`);
  log("");
  log(scenarioTable(scenarios));
  log("");
  log("Database statements per scenario:");
  log(db.statementsAvailable ? statementsTable(statements) : "  not measured (pg_stat_statements unavailable)");
  log("");
  log("Targets:");
  log(targetsTable(targets));
  const serverLog = { counts: server.output.counts, messages: server.output.messages() };
  log("");
  log(`Server log (LOG_LEVEL=warn): ${serverLog.counts.total} lines${serverLog.messages.length ? ":" : ""}`);
  for (const m of serverLog.messages.slice(0, 8)) log(`  ${String(m.count).padStart(6)} × ${m.signature.slice(0, 200)}`);

  const result = {
    date: new Date().toISOString(),
    machine: { ...machine(), loadAverage },
    config: { ...CONFIG, storm: { ...CONFIG.storm, connections: stormConnections } },
    seed: { licenses: seeded.licenses, activations: seeded.activations },
    notes,
    scenarios,
    statements,
    targets,
    serverLog,
    runSeconds: Math.round((Date.now() - started) / 1000),
  };
  fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench", "results", "latest.json"), JSON.stringify(result, null, 2) + "\n");
  log("");
  log(`Wrote bench/results/latest.json (${result.runSeconds} s). ${targets.some((t) => t.pass === false) ? "Some targets MISSED (see above)." : "All targets met."}`);
}

main()
  .then(() => stopAll())
  .catch(async (err) => {
    console.error(`\nbench failed: ${err?.stack ?? err}`);
    await stopAll();
    process.exitCode = 1;
  })
  // Timers left by the migration engine and pg pools must not keep the run alive.
  .finally(() => process.exit());
