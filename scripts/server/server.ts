// Keyfront's production server: the licensing API's endpoints answered straight from node:http
// (the same endpoint objects the route handlers under app/api/v1 serve), everything else handed
// to Next.js. KEYFRONT_API_ONLY=1 serves the API alone (tests start several such processes).
//
// Process model: this process (the primary) only accepts connections and hands each to an app
// worker (node:cluster, round-robin). Node accepts one connection per listening handle per
// event-loop turn, so a worker busy answering thousands of clients drains a burst of new
// connections slowly; the primary's loop is idle and accepts at once. Workers each keep their own
// in-process cache, so there is more than one only when a shared store (Redis/Upstash) carries
// invalidations between them, as between instances. KEYFRONT_WORKERS=<n> sets the count;
// KEYFRONT_WORKERS=0 serves from this process alone.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { createFastDispatcher } from "@/lib/api/fast-dispatch";
import { FAST_ENDPOINTS } from "@/lib/api/fast-endpoints";
import { startInvalidationPolling } from "@/lib/cache/license-cache";
import { getEnv } from "@/lib/env";
import { flushLastSeen } from "@/lib/licensing/last-seen";
import { getActiveSigningKey } from "@/lib/licensing/signing/signing-keys";
import { cullDeadActivations } from "@/lib/licensing/cull-dead-activations";
import { logger } from "@/lib/logger";
import { startEmailDelivery } from "@/lib/notifications/deliver-soon";
import { startJobs } from "@/lib/jobs/start-jobs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const apiOnly = process.env.KEYFRONT_API_ONLY === "1";
const CULL_EVERY_MS = 60_000;
// The kernel caps it at net.core.somaxconn: as many queued connections as the machine allows.
const LISTEN_BACKLOG = 65_535;
const MAX_DEFAULT_WORKERS = 4;
// The active signing key is cached for a minute; reloading it ahead of that keeps the reload
// off the request path.
const KEY_REFRESH_EVERY_MS = 20_000;
const KEY_REFRESH_AHEAD_MS = 30_000;
const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 8_000;

/** How many app workers to run (0: none, this process serves). */
function workerCount(): number {
  const configured = process.env.KEYFRONT_WORKERS;
  if (configured !== undefined && configured !== "") {
    const n = Number(configured);
    if (!Number.isInteger(n) || n < 0) throw new Error(`KEYFRONT_WORKERS must be a whole number ≥ 0, got "${configured}"`);
    if (n > 1 && !sharedStoreConfigured()) {
      logger.warn("KEYFRONT_WORKERS > 1 without Redis or Upstash: each worker keeps its own license cache and rate limits, so a change made through one worker is seen by the others only when their cached copy expires");
    }
    return n;
  }
  return sharedStoreConfigured() ? Math.min(os.availableParallelism(), MAX_DEFAULT_WORKERS) : 1;
}

function sharedStoreConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.REDIS_URL || (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN));
}

/** Accepts connections and keeps `count` workers running; stops them all on SIGTERM/SIGINT. */
function runPrimary(count: number) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  let stopping = false;
  const fork = (index: number) => {
    // Worker 0 also runs the background work (sweeps, email queue); a replacement keeps its index.
    const worker = cluster.fork({ KEYFRONT_WORKER_INDEX: String(index) });
    let listening = false;
    worker.once("listening", () => (listening = true));
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (!listening) {
        // It never started (bad configuration, unreachable database…): fail like a single process.
        logger.error("worker failed to start", { index, code, signal });
        stop();
        process.exitCode = 1;
        return;
      }
      logger.error("worker exited; starting a new one", { index, code, signal });
      setTimeout(() => fork(index), RESTART_DELAY_MS);
    });
  };
  for (let i = 0; i < count; i++) fork(i);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    const exit = () => process.exit(process.exitCode ?? 0);
    if (running.length === 0) return exit();
    let left = running.length;
    for (const worker of running) {
      worker!.once("exit", () => --left === 0 && exit());
      worker!.process.kill("SIGTERM");
    }
    setTimeout(exit, STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The app: fast API dispatch in front of Next.js, listening once everything is ready. */
async function serve() {
  const background = !cluster.isWorker || process.env.KEYFRONT_WORKER_INDEX === "0";
  let nextHandle: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | undefined;
  if (!apiOnly) {
    const { default: next } = await import("next");
    const app = next({ dev: false, dir: process.cwd(), hostname, port });
    await app.prepare();
    nextHandle = app.getRequestHandler();
  }
  const dispatch = createFastDispatcher(FAST_ENDPOINTS);
  await startInvalidationPolling();

  const server = http.createServer((req, res) => {
    dispatch(req, res)
      .then((handled) => {
        if (handled) return;
        if (nextHandle) return nextHandle(req, res);
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found." } }));
      })
      .catch((err) => {
        logger.error("request failed", { err, url: req.url });
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Internal error." } }));
      });
  });
  server.keepAliveTimeout = 65_000;

  const keys = setInterval(
    () => void getActiveSigningKey(Date.now() + KEY_REFRESH_AHEAD_MS).catch((err) => logger.warn("signing key refresh failed", { err })),
    KEY_REFRESH_EVERY_MS,
  );
  keys.unref();

  // Background work, in one process only.
  let emails: { stop: () => Promise<void> } | undefined;
  let jobs: { stop: () => Promise<void> } | undefined;
  if (background) {
    // Floating licenses: activations that stopped sending heartbeats give their seats back.
    const cull = setInterval(() => void cullDeadActivations().catch((err) => logger.warn("cull failed", { err })), CULL_EVERY_MS);
    cull.unref();
    // Emails queued by committed transactions go out even when their immediate send failed.
    if (!apiOnly) emails = startEmailDelivery();
    // Stale pending orders expire (their promo use and wallet hold come back); overdue subscriptions suspend.
    if (!apiOnly) jobs = startJobs();
  }

  server.listen({ port, host: hostname, backlog: LISTEN_BACKLOG }, () =>
    logger.info("keyfront listening", { port, apiOnly, worker: cluster.isWorker ? process.env.KEYFRONT_WORKER_INDEX : null }),
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void Promise.all([flushLastSeen(), emails?.stop(), jobs?.stop()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (cluster.isPrimary) {
  const count = workerCount();
  if (count === 0) void serve();
  else runPrimary(count);
} else {
  void serve();
}
