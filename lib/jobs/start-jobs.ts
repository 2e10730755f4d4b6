import { logger } from "@/lib/logger";
import { expireStaleOrders } from "@/lib/orders/expire-stale-orders";
import { runExclusive } from "./run-exclusive";

// Periodic background work of a web instance. Each job runs on a timer that does not keep the
// process alive, never overlaps itself in this process, and runs on one instance at a time
// (advisory lock), however many instances are started.

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

export const JOBS: readonly Job[] = [
  { name: "expire-stale-orders", everyMs: 60_000, run: () => expireStaleOrders() },
];

export function startJobs(options: { jobs?: readonly Job[] } = {}): { stop: () => Promise<void> } {
  const jobs = options.jobs ?? JOBS;
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();

  const tick = (job: Job) => {
    if (running.has(job.name)) return; // the previous run is still going
    const run = runExclusive(job.name, job.run)
      .then(() => undefined)
      .catch((err: unknown) => logger.error("background job failed", { job: job.name, err }))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };

  for (const job of jobs) {
    const timer = setInterval(() => tick(job), job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return {
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
