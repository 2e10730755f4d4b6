import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { GatewayId, VerificationFailure } from "./gateway";
import { defaultGatewayResolver, type GatewayResolver } from "./gateway-resolver";
import { markWebhookEvent, recordWebhookEvent } from "./record-webhook-event";
import { processWebhookEvent } from "./process-webhook-event";

// The one webhook entry point behind every app/api/webhooks/<provider>/route.ts: reads the raw body
// (bounded), verifies the provider's signature on exactly those bytes, records the event in the
// inbox and processes it. Always a Response: 401 for a signature that does not verify, 400 for a
// malformed delivery, 413 for an oversized one, 5xx when the provider should retry (not
// configured yet, provider unreachable, processing failed), 200 otherwise.

export const MAX_WEBHOOK_BYTES = 256 * 1024;

const UNAUTHORIZED: readonly VerificationFailure[] = ["missing_signature", "bad_signature", "stale_timestamp", "cert_host_not_allowed", "cert_invalid"];

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

function errorAnswer(status: number, code: string, message: string): Response {
  return answer(status, { error: { code, message } });
}

async function readBody(request: Request): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_WEBHOOK_BYTES) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function handlePaymentWebhook(provider: GatewayId, request: Request, resolveGateway: GatewayResolver = defaultGatewayResolver): Promise<Response> {
  if (request.method !== "POST") return errorAnswer(405, "BAD_REQUEST", "Webhooks are POSTed.");
  const raw = await readBody(request);
  if (!raw) return errorAnswer(413, "PAYLOAD_TOO_LARGE", "The webhook body is too large.");

  let gateway;
  try {
    gateway = await resolveGateway(provider);
  } catch (err) {
    if (isAppError(err) && err.code === "FORBIDDEN") return errorAnswer(404, "NOT_FOUND", "Not found.");
    logger.warn("webhook for a gateway that is not configured", { provider, err });
    return errorAnswer(503, "UNAVAILABLE", "This gateway is not configured.");
  }

  const verified = await gateway.verifyWebhook(raw, request.headers);
  if (!verified.ok) {
    const status = UNAUTHORIZED.includes(verified.reason) ? 401 : verified.reason === "malformed_payload" ? 400 : 503;
    logger.warn("webhook rejected", { provider, reason: verified.reason });
    return errorAnswer(status, status === 401 ? "UNAUTHENTICATED" : status === 400 ? "BAD_REQUEST" : "UNAVAILABLE", verified.message);
  }
  const event = verified.event;

  let recorded;
  try {
    recorded = await recordWebhookEvent(event);
  } catch (err) {
    logger.error("webhook inbox write failed", { provider, eventId: event.eventId, err });
    return errorAnswer(500, "INTERNAL", "The event could not be recorded.");
  }
  if (recorded.processed) return answer(200, { received: true, duplicate: true });

  try {
    const result = await processWebhookEvent(event, gateway);
    await markWebhookEvent(recorded.id, { ok: true, note: result.note });
    return answer(200, { received: true, outcome: result.outcome });
  } catch (err) {
    const retryable = !isAppError(err) || err.code === "UNAVAILABLE" || err.code === "INTERNAL";
    logger.error("webhook processing failed", { provider, eventId: event.eventId, err });
    await markWebhookEvent(recorded.id, { ok: false, error: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
    return errorAnswer(retryable ? 503 : 500, retryable ? "UNAVAILABLE" : "INTERNAL", "The event could not be processed; retry later.");
  }
}
