import Stripe from "stripe";
import { z } from "zod";
import { headerValue, rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { normalizeStripeEvent } from "./normalize-event";

export const STRIPE_TOLERANCE_SEC = 300;

export type StripeWebhookOptions = { webhookSecret: string; toleranceSec?: number };

// constructEvent needs no API key; a placeholder keeps this usable without one.
const offline = new Stripe("sk_offline_webhook_verification");

const eventSchema = z.object({ id: z.string(), type: z.string(), data: z.object({ object: z.unknown() }) });

/**
 * Verifies `Stripe-Signature` on the exact raw body (HMAC-SHA256 over `t.body`, constant-time,
 * timestamp within the tolerance window) with the official SDK, then normalizes the event.
 * Event types this adapter does not act on still verify, with status "pending" and type kept.
 */
export async function verifyStripeWebhook(
  rawBody: Buffer | string,
  headers: WebhookHeaders,
  options: StripeWebhookOptions,
): Promise<VerifyResult> {
  if (!options.webhookSecret) return rejected("not_configured", "Stripe webhook secret is not configured");
  const signature = headerValue(headers, "stripe-signature");
  if (!signature) return rejected("missing_signature", "Stripe-Signature header is missing");
  let event: unknown;
  try {
    event = offline.webhooks.constructEvent(
      typeof rawBody === "string" ? rawBody : Buffer.from(rawBody),
      signature,
      options.webhookSecret,
      options.toleranceSec ?? STRIPE_TOLERANCE_SEC,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/tolerance/i.test(message)) return rejected("stale_timestamp", "Stripe signature timestamp is outside the tolerance window");
    if (error instanceof SyntaxError) return rejected("malformed_payload", "Stripe webhook body is not JSON");
    return rejected("bad_signature", "Stripe signature does not match the body");
  }
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return rejected("malformed_payload", "Stripe event has an unexpected shape");
  try {
    const normalized = normalizeStripeEvent(parsed.data);
    if (normalized) return verified(normalized);
  } catch {
    return rejected("malformed_payload", `Stripe ${parsed.data.type} object has an unexpected shape`);
  }
  return verified({
    provider: "stripe", eventId: parsed.data.id, type: parsed.data.type, actionable: false, payload: JSON.parse(rawText(rawBody)),
    providerPaymentId: "", orderId: null, status: "pending", amount: null, received: null, receivedValue: null,
  });
}
