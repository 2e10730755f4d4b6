import { logger } from "@/lib/logger";
import { deliverQueuedEmails } from "./deliver-queued-emails";

const PASS_LIMIT = 50;

// Requests are numbered; a loop serves every request made before its pass started. The check
// that ends the loop and the reset of `loop` happen in one synchronous step, so a request can
// never slip in between and be left waiting.
let requested = 0;
let served = 0;
let loop: Promise<void> | undefined;
const waiting: Array<{ upTo: number; resolve: () => void }> = [];

async function pass(): Promise<number> {
  try {
    return (await deliverQueuedEmails({ limit: PASS_LIMIT })).claimed;
  } catch (err) {
    logger.error("email delivery pass failed", { err });
    return 0;
  }
}

async function run(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    while (served < requested) {
      const upTo = requested;
      while ((await pass()) === PASS_LIMIT) {
        // a full pass: more may be due
      }
      served = upTo;
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (waiting[i]!.upTo <= served) waiting.splice(i, 1)[0]!.resolve();
      }
    }
  } finally {
    loop = undefined;
  }
}

/**
 * Delivers queued emails in the background; business code calls it right after its transaction
 * committed. Never throws. Calls during a pass coalesce into one more pass. The promise settles
 * once a pass that started after this call has finished (tests await it; business code need not).
 */
export function deliverSoon(): Promise<void> {
  const upTo = ++requested;
  const done = new Promise<void>((resolve) => waiting.push({ upTo, resolve }));
  loop ??= run();
  return done;
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
      await loop;
    },
  };
}
