import { z } from "zod";
import { moneyOf, receivedMoney } from "../amounts";
import { PAYMENT_STATUSES, headerValue, rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { SANDBOX_SIGNATURE_HEADER, checkSandboxSignature } from "./sign";

export type SandboxWebhookOptions = { secret: string; toleranceSec?: number; now?: () => number };

export const sandboxEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({
    paymentId: z.string(),
    orderId: z.string(),
    status: z.enum(PAYMENT_STATUSES),
    amount: z.string(),
    currency: z.string(),
    received: z.string().nullable(),
  }),
});
export type SandboxEvent = z.infer<typeof sandboxEventSchema>;

export async function verifySandboxWebhook(rawBody: Buffer | string, headers: WebhookHeaders, options: SandboxWebhookOptions): Promise<VerifyResult> {
  if (!options.secret) return rejected("not_configured", "Sandbox gateway secret is not configured");
  const payload = rawText(rawBody);
  const nowSec = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const check = checkSandboxSignature(payload, headerValue(headers, SANDBOX_SIGNATURE_HEADER), options.secret, nowSec, options.toleranceSec);
  if (check === "missing") return rejected("missing_signature", "Sandbox signature header is missing");
  if (check === "bad") return rejected("bad_signature", "Sandbox signature does not match the body");
  if (check === "stale") return rejected("stale_timestamp", "Sandbox signature timestamp is outside the tolerance window");
  let event: SandboxEvent;
  try {
    const parsed = sandboxEventSchema.safeParse(JSON.parse(payload));
    if (!parsed.success) return rejected("malformed_payload", "Sandbox event has an unexpected shape");
    event = parsed.data;
  } catch {
    return rejected("malformed_payload", "Sandbox webhook body is not JSON");
  }
  try {
    const received = receivedMoney(event.data.received, event.data.currency);
    return verified({
      provider: "sandbox",
      eventId: event.id,
      type: event.type,
      actionable: true,
      payload: event,
      providerPaymentId: event.data.paymentId,
      orderId: event.data.orderId,
      status: event.data.status,
      amount: moneyOf(event.data.amount, event.data.currency),
      received,
      receivedValue: received,
    });
  } catch {
    return rejected("malformed_payload", "Sandbox event amounts are not decimals");
  }
}
