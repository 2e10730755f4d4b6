import { z } from "zod";
import { toDecimalString } from "@/lib/money";
import { AppError } from "@/lib/errors";
import type { CreatePaymentInput, PaymentGateway } from "../gateway";
import { jsonBody, providerError, providerFetch } from "../provider-error";
import { cryptomusPaymentSchema, snapshotOfCryptomus } from "./normalize";
import { cryptomusSign } from "./sign";
import { verifyCryptomusWebhook } from "./verify-webhook";

export const CRYPTOMUS_API = "https://api.cryptomus.com";

export type CryptomusGatewayOptions = { merchantId: string; paymentApiKey: string; baseUrl?: string; lifetimeSec?: number };

const answerSchema = z.object({ state: z.number(), result: z.unknown().optional(), message: z.string().optional(), errors: z.record(z.string(), z.array(z.string())).optional() }).passthrough();
const invoiceSchema = cryptomusPaymentSchema.extend({ url: z.string() });

function describeError(body: unknown): string {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) return "unexpected error body";
  const fields = Object.entries(parsed.data.errors ?? {}).map(([k, v]) => `${k}: ${v.join(", ")}`);
  return [parsed.data.message, ...fields].filter(Boolean).join("; ") || "request refused";
}

/**
 * Cryptomus invoices: every request is signed (`merchant` + `sign` headers over the exact body).
 * Cryptomus has no idempotency header; `order_id` is unique per merchant and asking again for
 * an order that has a live invoice returns that invoice, which is what makes retries safe.
 */
export function createCryptomusGateway(options: CryptomusGatewayOptions): PaymentGateway {
  const base = (options.baseUrl ?? CRYPTOMUS_API).replace(/\/$/, "");

  async function post(path: string, payload: Record<string, unknown>): Promise<unknown> {
    const body = JSON.stringify(payload);
    const response = await providerFetch("cryptomus", `${base}${path}`, {
      method: "POST",
      headers: { merchant: options.merchantId, sign: cryptomusSign(body, options.paymentApiKey), "content-type": "application/json", accept: "application/json" },
      body,
    });
    const json = await jsonBody("cryptomus", response);
    const answer = answerSchema.safeParse(json);
    if (!response.ok || !answer.success || answer.data.state !== 0) throw providerError("cryptomus", response.ok ? 422 : response.status, describeError(json));
    return answer.data.result;
  }

  return {
    id: "cryptomus",
    supportsRefund: false,

    async createPayment(input: CreatePaymentInput) {
      const invoice = invoiceSchema.parse(
        await post("/v1/payment", {
          amount: toDecimalString(input.amount.amountMinor, input.amount.currency),
          currency: input.amount.currency,
          order_id: input.orderId,
          url_return: input.cancelUrl,
          url_success: input.returnUrl,
          ...(input.webhookUrl ? { url_callback: input.webhookUrl } : {}),
          lifetime: options.lifetimeSec ?? 3600,
          additional_data: input.idempotencyKey,
        }),
      );
      return { providerPaymentId: invoice.uuid, redirectUrl: invoice.url, clientToken: null };
    },

    verifyWebhook: (rawBody, headers) => verifyCryptomusWebhook(rawBody, headers, { paymentApiKey: options.paymentApiKey }),

    fetchPayment: async (uuid) => snapshotOfCryptomus(cryptomusPaymentSchema.parse(await post("/v1/payment/info", { uuid }))),

    async refund() {
      throw new AppError("BAD_REQUEST", "Cryptomus payments are refunded to the customer's wallet balance");
    },
  };
}
