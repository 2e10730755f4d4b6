import { logger } from "@/lib/logger";
import { deliverQueuedEmails } from "./deliver-queued-emails";

const PASS_LIMIT = 50;
let running: Promise<void> | undefined;
let again = false;

async function drain(): Promise<void> {
  do {
    again = false;
    try {
      const report = await deliverQueuedEmails({ limit: PASS_LIMIT });
      if (report.claimed === PASS_LIMIT) again = true; // more may be waiting
    } catch (err) {
      logger.error("email delivery pass failed", { err });
    }
  } while (again);
}

/**
 * Delivers queued emails in the background, right after the caller's transaction committed.
 * Never throws; calls while a pass runs coalesce into one more pass. The returned promise
 * settles when the queue is drained (await it in tests; business code need not).
 */
export function deliverSoon(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(drain)
    .finally(() => {
      running = undefined;
    });
  return running;
}

/**
 * The periodic sweep the production server starts: delivers what an instance that crashed between
 * commit and send left queued, and the retries whose backoff has passed. Returns a stop function
 * that waits for the pass in progress.
 */
export function startEmailDelivery(options: { intervalMs?: number } = {}): { stop: () => Promise<void> } {
  const timer = setInterval(() => void deliverSoon(), options.intervalMs ?? 15_000);
  timer.unref();
  void deliverSoon();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
