import { createHmac } from "node:crypto";
import { z } from "zod";
import { rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { safeEqual } from "../safe-compare";
import { PLISIO_STATUS, plisioIdOf, plisioInvoiceSchema, snapshotOfPlisio } from "./normalize";

export type PlisioWebhookOptions = { secretKey: string };

const bodySchema = z.record(z.string(), z.unknown());

/**
 * Plisio JSON callbacks (callback_url with `?json=true`): verify_hash = hex HMAC-SHA1(secret key,
 * JSON.stringify of the callback without verify_hash, keys in the order received).
 */
export function plisioVerifyHash(data: Record<string, unknown>, secretKey: string): string {
  const { verify_hash: _ignored, ...rest } = data;
  return createHmac("sha1", secretKey).update(JSON.stringify(rest), "utf8").digest("hex");
}

export async function verifyPlisioWebhook(rawBody: Buffer | string, _headers: WebhookHeaders, options: PlisioWebhookOptions): Promise<VerifyResult> {
  if (!options.secretKey) return rejected("not_configured", "Plisio secret key is not configured");
  let data: Record<string, unknown>;
  try {
    const parsed = bodySchema.safeParse(JSON.parse(rawText(rawBody)));
    if (!parsed.success) return rejected("malformed_payload", "Plisio callback is not a JSON object");
    data = parsed.data;
  } catch {
    return rejected("malformed_payload", "Plisio callback is not JSON (is ?json=true on the callback URL?)");
  }
  if (typeof data.verify_hash !== "string" || !data.verify_hash) return rejected("missing_signature", "Plisio callback has no verify_hash");
  if (!safeEqual(plisioVerifyHash(data, options.secretKey), data.verify_hash.toLowerCase())) {
    return rejected("bad_signature", "Plisio verify_hash does not match the callback");
  }
  const invoice = plisioInvoiceSchema.safeParse(data);
  if (!invoice.success || !plisioIdOf(invoice.data)) return rejected("malformed_payload", "Plisio callback has an unexpected shape");
  try {
    const snapshot = snapshotOfPlisio(invoice.data);
    const status = invoice.data.status;
    return verified({
      ...snapshot,
      eventId: `${snapshot.providerPaymentId}:${status}:${String(invoice.data.amount ?? "")}`,
      type: status,
      actionable: status in PLISIO_STATUS,
      payload: data,
    });
  } catch {
    return rejected("malformed_payload", "Plisio callback amounts are not decimals");
  }
}
