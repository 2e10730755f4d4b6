import type { Money } from "@/lib/money";

// The one interface every payment gateway adapter implements. Checkout calls createPayment,
// the webhook route calls verifyWebhook, fulfilment calls fetchPayment (the provider is the
// source of truth, never the webhook body alone) and refunds go through refund.
export const GATEWAY_IDS = ["stripe", "paypal", "cryptomus", "nowpayments", "plisio", "sandbox"] as const;
export type GatewayId = (typeof GATEWAY_IDS)[number];

export const PAYMENT_STATUSES = [
  "pending", // created, waiting for the customer or for confirmations
  "succeeded", // paid in full (or more: compare received with amount)
  "partially_paid", // crypto: less than the invoice amount arrived
  "failed",
  "canceled",
  "expired",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type CreatePaymentInput = {
  orderId: string;
  amount: Money;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  /** Where the provider posts its webhook (providers that take it per payment). */
  webhookUrl?: string;
  /** Same key, same provider object: a retried checkout never creates a second payment. */
  idempotencyKey: string;
  customerEmail?: string;
};

export type CreatePaymentResult = {
  /** The provider's id for what was created (Checkout Session, PayPal order, invoice…). */
  providerPaymentId: string;
  /** Hosted payment page to send the customer to, when the provider has one. */
  redirectUrl: string | null;
  /** Token for an in-page client (PayPal buttons take the order id). */
  clientToken: string | null;
};

/**
 * A payment as the provider reports it. `amount` is what was asked for; `received` is what
 * actually arrived in the currency it was paid in (for crypto it can be more or less);
 * `receivedValue` is that received amount valued in the invoice currency, when the provider says.
 */
export type PaymentSnapshot = {
  provider: GatewayId;
  providerPaymentId: string;
  orderId: string | null;
  status: PaymentStatus;
  amount: Money | null;
  received: Money | null;
  receivedValue: Money | null;
};

export type NormalizedEvent = PaymentSnapshot & {
  /** Unique per provider event: the webhook inbox is unique on (provider, eventId). */
  eventId: string;
  /** The provider's own event or status name, for logs and the inbox row. */
  type: string;
  /** False for event types that carry no payment state (they verify, are recorded, and are ignored). */
  actionable: boolean;
  payload: unknown;
};

export const VERIFICATION_FAILURES = [
  "missing_signature",
  "bad_signature",
  "stale_timestamp",
  "malformed_payload",
  "cert_host_not_allowed",
  "cert_invalid",
  "not_configured",
  // the provider's certificate could not be fetched: answer 5xx so the provider retries
  "unavailable",
] as const;
export type VerificationFailure = (typeof VERIFICATION_FAILURES)[number];

export type VerifyResult =
  | { ok: true; event: NormalizedEvent }
  | { ok: false; reason: VerificationFailure; message: string };

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type RefundResult = { providerRefundId: string; amount: Money; status: "pending" | "succeeded" | "failed" };

export interface PaymentGateway {
  readonly id: GatewayId;
  /** Crypto gateways cannot send money back to a card: their refunds go to the wallet. */
  readonly supportsRefund: boolean;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  verifyWebhook(rawBody: Buffer | string, headers: WebhookHeaders): Promise<VerifyResult>;
  fetchPayment(providerPaymentId: string): Promise<PaymentSnapshot>;
  refund(providerPaymentId: string, amount: Money, idempotencyKey?: string): Promise<RefundResult>;
}

export function verified(event: NormalizedEvent): VerifyResult {
  return { ok: true, event };
}

export function rejected(reason: VerificationFailure, message: string): VerifyResult {
  return { ok: false, reason, message };
}

/** Reads one header from a Fetch `Headers` or a Node-style header record, case-insensitively. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function rawText(rawBody: Buffer | string): string {
  return typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
}

/**
 * HTTP status for a rejected webhook: 5xx only when the provider should retry (our side could
 * not check yet), 400 when the delivery itself is bad and retrying cannot help.
 */
export function webhookRejectionStatus(reason: VerificationFailure): 400 | 503 {
  return reason === "unavailable" || reason === "not_configured" ? 503 : 400;
}
