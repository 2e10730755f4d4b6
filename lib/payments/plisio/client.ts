import { z } from "zod";
import { toDecimalString } from "@/lib/money";
import { AppError } from "@/lib/errors";
import type { CreatePaymentInput, PaymentGateway } from "../gateway";
import { jsonBody, providerError, providerFetch } from "../provider-error";
import { plisioInvoiceSchema, snapshotOfPlisio } from "./normalize";
import { verifyPlisioWebhook } from "./verify-webhook";

export const PLISIO_API = "https://api.plisio.net/api/v1";

export type PlisioGatewayOptions = { secretKey: string; baseUrl?: string };

const answerSchema = z.object({ status: z.string(), data: z.unknown() });
const errorSchema = z.object({ name: z.string().optional(), message: z.string().optional(), code: z.number().optional() }).passthrough();
const createdSchema = z.object({ txn_id: z.string(), invoice_url: z.string() }).passthrough();

/** Adds `json=true` so Plisio posts its callback as JSON (what verify-webhook checks). */
export function withJsonFlag(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("json", "true");
  return parsed.toString();
}

/**
 * Plisio invoices (GET with `api_key` in the query, as Plisio's API takes it). `order_number`
 * must be unique per shop, so a retried checkout reuses the invoice stored on the order.
 */
export function createPlisioGateway(options: PlisioGatewayOptions): PaymentGateway {
  const base = (options.baseUrl ?? PLISIO_API).replace(/\/$/, "");

  async function get(path: string, params: Record<string, string>): Promise<unknown> {
    const query = new URLSearchParams({ ...params, api_key: options.secretKey });
    const response = await providerFetch("plisio", `${base}${path}?${query}`, { method: "GET", headers: { accept: "application/json" } });
    const json = await jsonBody("plisio", response);
    const answer = answerSchema.safeParse(json);
    if (response.ok && answer.success && answer.data.status === "success") return answer.data.data;
    const error = errorSchema.safeParse(answer.success ? answer.data.data : json);
    const detail = error.success ? [error.data.name, error.data.message].filter(Boolean).join(": ") : "request refused";
    throw providerError("plisio", response.ok ? 422 : response.status, detail || "request refused");
  }

  return {
    id: "plisio",
    supportsRefund: false,

    async createPayment(input: CreatePaymentInput) {
      const created = createdSchema.parse(
        await get("/invoices/new", {
          order_number: input.orderId,
          order_name: input.description.slice(0, 100),
          source_currency: input.amount.currency,
          source_amount: toDecimalString(input.amount.amountMinor, input.amount.currency),
          success_invoice_url: input.returnUrl,
          fail_invoice_url: input.cancelUrl,
          ...(input.webhookUrl ? { callback_url: withJsonFlag(input.webhookUrl) } : {}),
          ...(input.customerEmail ? { email: input.customerEmail } : {}),
        }),
      );
      return { providerPaymentId: created.txn_id, redirectUrl: created.invoice_url, clientToken: null };
    },

    verifyWebhook: (rawBody, headers) => verifyPlisioWebhook(rawBody, headers, { secretKey: options.secretKey }),

    fetchPayment: async (txnId) => snapshotOfPlisio(plisioInvoiceSchema.parse(await get(`/operations/${encodeURIComponent(txnId)}`, {}))),

    async refund() {
      throw new AppError("BAD_REQUEST", "Plisio payments are refunded to the customer's wallet balance");
    },
  };
}
