// Keyfront's production server: the licensing API's endpoints answered straight from node:http
// (the same endpoint objects the route handlers under app/api/v1 serve), everything else handed
// to Next.js. KEYFRONT_API_ONLY=1 serves the API alone (tests start several such processes).
import http from "node:http";
import { createFastDispatcher } from "@/lib/api/fast-dispatch";
import { FAST_ENDPOINTS } from "@/lib/api/fast-endpoints";
import { startInvalidationPolling } from "@/lib/cache/license-cache";
import { flushLastSeen } from "@/lib/licensing/last-seen";
import { cullDeadActivations } from "@/lib/licensing/cull-dead-activations";
import { logger } from "@/lib/logger";
import { startEmailDelivery } from "@/lib/notifications/deliver-soon";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const apiOnly = process.env.KEYFRONT_API_ONLY === "1";
const CULL_EVERY_MS = 60_000;

async function main() {
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
  // Floating licenses: activations that stopped sending heartbeats give their seats back.
  const cull = setInterval(() => void cullDeadActivations().catch((err) => logger.warn("cull failed", { err })), CULL_EVERY_MS);
  cull.unref();
  // Emails queued by committed transactions go out even when their immediate send failed.
  const emails = apiOnly ? undefined : startEmailDelivery();
  server.listen(port, hostname, () => logger.info("keyfront listening", { port, apiOnly }));

  const stop = () => {
    server.close();
    void Promise.all([flushLastSeen(), emails?.stop()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
