import { headerValue, rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { safeEqual } from "../safe-compare";
import { NOWPAYMENTS_STATUS, nowpaymentsPaymentSchema, snapshotOfNowpayments } from "./normalize";
import { nowpaymentsSignatures } from "./sign";

export type NowpaymentsWebhookOptions = { ipnSecret: string };

/** Verifies `x-nowpayments-sig` (HMAC-SHA512 over the key-sorted JSON) and normalizes the IPN. */
export async function verifyNowpaymentsWebhook(rawBody: Buffer | string, headers: WebhookHeaders, options: NowpaymentsWebhookOptions): Promise<VerifyResult> {
  if (!options.ipnSecret) return rejected("not_configured", "NOWPayments IPN secret is not configured");
  const signature = headerValue(headers, "x-nowpayments-sig")?.trim().toLowerCase();
  if (!signature) return rejected("missing_signature", "x-nowpayments-sig header is missing");
  let body: unknown;
  try {
    body = JSON.parse(rawText(rawBody));
  } catch {
    return rejected("malformed_payload", "NOWPayments IPN body is not JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return rejected("malformed_payload", "NOWPayments IPN body is not a JSON object");
  // every candidate is compared, so timing does not reveal which encoding matched
  const matches = nowpaymentsSignatures(body, options.ipnSecret).map((expected) => safeEqual(expected, signature));
  if (!matches.includes(true)) return rejected("bad_signature", "x-nowpayments-sig does not match the body");
  const payment = nowpaymentsPaymentSchema.safeParse(body);
  if (!payment.success) return rejected("malformed_payload", "NOWPayments IPN has an unexpected shape");
  try {
    const snapshot = snapshotOfNowpayments(payment.data);
    const status = payment.data.payment_status;
    return verified({
      ...snapshot,
      eventId: `${payment.data.payment_id}:${status}:${String(payment.data.actually_paid ?? 0)}`,
      type: status,
      actionable: status in NOWPAYMENTS_STATUS,
      payload: body,
    });
  } catch {
    return rejected("malformed_payload", "NOWPayments IPN amounts are not decimals");
  }
}
