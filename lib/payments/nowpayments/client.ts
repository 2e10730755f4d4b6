import { z } from "zod";
import { toDecimalString } from "@/lib/money";
import { AppError } from "@/lib/errors";
import type { CreatePaymentInput, PaymentGateway } from "../gateway";
import { jsonBody, providerError, providerFetch } from "../provider-error";
import { nowpaymentsPaymentSchema, snapshotOfNowpayments } from "./normalize";
import { verifyNowpaymentsWebhook } from "./verify-webhook";

export const NOWPAYMENTS_API = "https://api.nowpayments.io";

export type NowpaymentsGatewayOptions = { apiKey: string; ipnSecret: string; baseUrl?: string };

const invoiceSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), invoice_url: z.string() }).passthrough();
const errorSchema = z.object({ code: z.string().optional(), message: z.string().optional() }).passthrough();

/**
 * NOWPayments hosted invoices (`x-api-key`). NOWPayments has no idempotency header: a retried
 * checkout must reuse the invoice id it stored on the order rather than call createPayment again.
 */
export function createNowpaymentsGateway(options: NowpaymentsGatewayOptions): PaymentGateway {
  const base = (options.baseUrl ?? NOWPAYMENTS_API).replace(/\/$/, "");

  async function call(method: string, path: string, body?: string): Promise<unknown> {
    const headers: Record<string, string> = { "x-api-key": options.apiKey, accept: "application/json" };
    if (body) headers["content-type"] = "application/json";
    const response = await providerFetch("nowpayments", `${base}${path}`, { method, headers, body });
    const json = await jsonBody("nowpayments", response);
    if (!response.ok) {
      const e = errorSchema.safeParse(json);
      throw providerError("nowpayments", response.status, e.success ? [e.data.code, e.data.message].filter(Boolean).join(": ") : "request refused");
    }
    return json;
  }

  return {
    id: "nowpayments",
    supportsRefund: false,

    async createPayment(input: CreatePaymentInput) {
      // price_amount is a JSON number: written from the exact decimal text, never via a float
      const amount = toDecimalString(input.amount.amountMinor, input.amount.currency);
      const body = JSON.stringify({
        price_amount: "__AMOUNT__",
        price_currency: input.amount.currency.toLowerCase(),
        order_id: input.orderId,
        order_description: input.description,
        ...(input.webhookUrl ? { ipn_callback_url: input.webhookUrl } : {}),
        success_url: input.returnUrl,
        cancel_url: input.cancelUrl,
      }).replace('"__AMOUNT__"', amount);
      const invoice = invoiceSchema.parse(await call("POST", "/v1/invoice", body));
      return { providerPaymentId: invoice.id, redirectUrl: invoice.invoice_url, clientToken: null };
    },

    verifyWebhook: (rawBody, headers) => verifyNowpaymentsWebhook(rawBody, headers, { ipnSecret: options.ipnSecret }),

    fetchPayment: async (paymentId) =>
      snapshotOfNowpayments(nowpaymentsPaymentSchema.parse(await call("GET", `/v1/payment/${encodeURIComponent(paymentId)}`))),

    async refund() {
      throw new AppError("BAD_REQUEST", "NOWPayments payments are refunded to the customer's wallet balance");
    },
  };
}
