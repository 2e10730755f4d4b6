import { z } from "zod";
import { toDecimalString, type Money } from "@/lib/money";
import { AppError } from "@/lib/errors";
import type { CreatePaymentInput, PaymentGateway, PaymentSnapshot, RefundResult } from "../gateway";
import { jsonBody, providerError, providerFetch } from "../provider-error";
import { firstCapture, orderSchema, snapshotOfOrder } from "./normalize";
import { verifyPaypalWebhook } from "./verify-webhook";

export const PAYPAL_API = { live: "https://api-m.paypal.com", sandbox: "https://api-m.sandbox.paypal.com" } as const;

export type PaypalGatewayOptions = {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  mode?: keyof typeof PAYPAL_API;
  /** Overrides the API base URL (a local server in tests). */
  baseUrl?: string;
  testCertOrigin?: string;
  toleranceSec?: number;
};

export type PaypalGateway = PaymentGateway & {
  /** Captures an approved order (server side, after the buyer approved in the buttons). */
  capture(orderId: string, idempotencyKey: string): Promise<PaymentSnapshot>;
};

const tokenSchema = z.object({ access_token: z.string(), expires_in: z.number() });
const errorSchema = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  details: z.array(z.object({ issue: z.string(), description: z.string().optional() })).optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
}).passthrough();
const refundSchema = z.object({ id: z.string(), status: z.string(), amount: z.object({ currency_code: z.string(), value: z.string() }).optional() });

const TOKEN_MARGIN_MS = 60_000;

function describeError(body: unknown): string {
  const parsed = errorSchema.safeParse(body);
  if (!parsed.success) return "unexpected error body";
  const e = parsed.data;
  const issue = e.details?.[0];
  return [e.name ?? e.error, issue ? `${issue.issue}: ${issue.description ?? ""}` : (e.message ?? e.error_description)].filter(Boolean).join(" ");
}

/** PayPal Orders v2 over REST with fetch: OAuth client credentials (cached), PayPal-Request-Id. */
export function createPaypalGateway(options: PaypalGatewayOptions): PaypalGateway {
  const base = (options.baseUrl ?? PAYPAL_API[options.mode ?? "live"]).replace(/\/$/, "");
  let token: { value: string; until: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
    const response = await providerFetch("paypal", `${base}/v1/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: "grant_type=client_credentials",
    });
    const body = await jsonBody("paypal", response);
    if (!response.ok) throw providerError("paypal", response.status, describeError(body));
    const parsed = tokenSchema.parse(body);
    token = { value: parsed.access_token, until: Date.now() + parsed.expires_in * 1000 - TOKEN_MARGIN_MS };
    return parsed.access_token;
  }

  function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return Promise.resolve(token.value);
    fetching ??= requestToken().finally(() => (fetching = undefined));
    return fetching;
  }

  async function api(method: string, path: string, body?: unknown, requestId?: string, retried = false): Promise<unknown> {
    const bearer = await accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, accept: "application/json", prefer: "return=representation" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (requestId) headers["paypal-request-id"] = requestId;
    const response = await providerFetch("paypal", `${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await jsonBody("paypal", response);
    if (response.status === 401 && !retried) {
      token = undefined; // revoked or expired early: one fresh token, then give up
      return api(method, path, body, requestId, true);
    }
    if (!response.ok) throw providerError("paypal", response.status, describeError(json));
    return json;
  }

  const getOrder = async (orderId: string) => orderSchema.parse(await api("GET", `/v2/checkout/orders/${encodeURIComponent(orderId)}`));

  return {
    id: "paypal",
    supportsRefund: true,

    async createPayment(input: CreatePaymentInput) {
      const order = orderSchema.parse(
        await api(
          "POST",
          "/v2/checkout/orders",
          {
            intent: "CAPTURE",
            purchase_units: [{
              reference_id: input.orderId,
              custom_id: input.orderId,
              description: input.description.slice(0, 127),
              amount: { currency_code: input.amount.currency, value: toDecimalString(input.amount.amountMinor, input.amount.currency) },
            }],
            payment_source: { paypal: { experience_context: { return_url: input.returnUrl, cancel_url: input.cancelUrl, user_action: "PAY_NOW", shipping_preference: "NO_SHIPPING" } } },
          },
          input.idempotencyKey,
        ),
      );
      const link = order.links?.find((l) => l.rel === "payer-action" || l.rel === "approve");
      return { providerPaymentId: order.id, redirectUrl: link?.href ?? null, clientToken: order.id };
    },

    verifyWebhook: (rawBody, headers) =>
      verifyPaypalWebhook(rawBody, headers, { webhookId: options.webhookId, testCertOrigin: options.testCertOrigin, toleranceSec: options.toleranceSec }),

    fetchPayment: async (orderId) => snapshotOfOrder(await getOrder(orderId)),

    async capture(orderId: string, idempotencyKey: string) {
      return snapshotOfOrder(orderSchema.parse(await api("POST", `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, {}, idempotencyKey)));
    },

    async refund(orderId: string, amount: Money, idempotencyKey?: string): Promise<RefundResult> {
      const captured = firstCapture(await getOrder(orderId));
      if (!captured) throw new AppError("CONFLICT", "This PayPal order has no captured payment to refund");
      const body = { amount: { currency_code: amount.currency, value: toDecimalString(amount.amountMinor, amount.currency) } };
      const refund = refundSchema.parse(await api("POST", `/v2/payments/captures/${encodeURIComponent(captured.id)}/refund`, body, idempotencyKey));
      const status = refund.status === "COMPLETED" ? "succeeded" : refund.status === "PENDING" ? "pending" : "failed";
      return { providerRefundId: refund.id, amount, status };
    },
  };
}
