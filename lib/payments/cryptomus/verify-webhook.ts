import { z } from "zod";
import { rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { safeEqual } from "../safe-compare";
import { CRYPTOMUS_STATUS, cryptomusPaymentSchema, cryptomusStatusOf, snapshotOfCryptomus } from "./normalize";
import { cryptomusWebhookSign } from "./sign";

export type CryptomusWebhookOptions = { paymentApiKey: string };

const bodySchema = z.record(z.string(), z.unknown());

/**
 * Cryptomus puts `sign` inside the JSON body: md5(base64(php_json_encode(body without sign)) +
 * payment API key). One webhook per status change, so the event id is `uuid:status`.
 */
export async function verifyCryptomusWebhook(rawBody: Buffer | string, _headers: WebhookHeaders, options: CryptomusWebhookOptions): Promise<VerifyResult> {
  if (!options.paymentApiKey) return rejected("not_configured", "Cryptomus payment API key is not configured");
  let data: Record<string, unknown>;
  try {
    const parsed = bodySchema.safeParse(JSON.parse(rawText(rawBody)));
    if (!parsed.success) return rejected("malformed_payload", "Cryptomus webhook body is not a JSON object");
    data = parsed.data;
  } catch {
    return rejected("malformed_payload", "Cryptomus webhook body is not JSON");
  }
  if (typeof data.sign !== "string" || !data.sign) return rejected("missing_signature", "Cryptomus webhook has no sign field");
  if (!safeEqual(cryptomusWebhookSign(data, options.paymentApiKey), data.sign.toLowerCase())) {
    return rejected("bad_signature", "Cryptomus sign does not match the body");
  }
  const payment = cryptomusPaymentSchema.safeParse(data);
  if (!payment.success) return rejected("malformed_payload", "Cryptomus webhook has an unexpected shape");
  const status = cryptomusStatusOf(payment.data);
  try {
    const snapshot = snapshotOfCryptomus(payment.data);
    return verified({ ...snapshot, eventId: `${payment.data.uuid}:${status}`, type: status, actionable: status in CRYPTOMUS_STATUS, payload: data });
  } catch {
    return rejected("malformed_payload", "Cryptomus webhook amounts are not decimals");
  }
}
