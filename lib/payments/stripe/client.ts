import Stripe from "stripe";
import type { Money } from "@/lib/money";
import { AppError } from "@/lib/errors";
import type { CreatePaymentInput, CreatePaymentResult, PaymentGateway, PaymentSnapshot, RefundResult } from "../gateway";
import { providerError } from "../provider-error";
import { paymentIntentSchema, sessionSchema, snapshotOfIntent, snapshotOfSession } from "./normalize-event";
import { verifyStripeWebhook } from "./verify-webhook";

export type StripeGatewayOptions = {
  secretKey: string;
  webhookSecret: string;
  toleranceSec?: number;
  /** A local server for tests: the SDK's own host/port/protocol options. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  maxNetworkRetries?: number;
};

function toStripeAmount(amount: Money): number {
  if (amount.amountMinor <= 0n || amount.amountMinor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AppError("BAD_REQUEST", "Payment amount is out of range");
  }
  return Number(amount.amountMinor);
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      const status = error.type === "StripeIdempotencyError" ? 409 : error.code === "resource_missing" ? 404 : (error.statusCode ?? 0);
      throw providerError("stripe", status, error.message, error);
    }
    throw providerError("stripe", 0, error instanceof Error ? error.message : String(error), error);
  }
}

/** Stripe Checkout (hosted page) for one-off payments; refunds against the payment intent. */
export function createStripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = new Stripe(options.secretKey, {
    host: options.host,
    port: options.port,
    protocol: options.protocol,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: 20_000,
    appInfo: { name: "Keyfront" },
  });

  async function retrieveSnapshot(id: string): Promise<PaymentSnapshot> {
    if (id.startsWith("cs_")) {
      const session = await call(() => stripe.checkout.sessions.retrieve(id, { expand: ["payment_intent"] }));
      return snapshotOfSession(sessionSchema.parse(session));
    }
    const intent = await call(() => stripe.paymentIntents.retrieve(id));
    return snapshotOfIntent(paymentIntentSchema.parse(intent));
  }

  return {
    id: "stripe",
    supportsRefund: true,

    async createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult> {
      const session = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [{ quantity: 1, price_data: { currency: input.amount.currency.toLowerCase(), unit_amount: toStripeAmount(input.amount), product_data: { name: input.description } } }],
            success_url: input.returnUrl,
            cancel_url: input.cancelUrl,
            client_reference_id: input.orderId,
            customer_email: input.customerEmail,
            metadata: { orderId: input.orderId },
            payment_intent_data: { metadata: { orderId: input.orderId } },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { providerPaymentId: session.id, redirectUrl: session.url ?? null, clientToken: null };
    },

    verifyWebhook: (rawBody, headers) =>
      verifyStripeWebhook(rawBody, headers, { webhookSecret: options.webhookSecret, toleranceSec: options.toleranceSec }),

    fetchPayment: retrieveSnapshot,

    async refund(providerPaymentId: string, amount: Money, idempotencyKey?: string): Promise<RefundResult> {
      let intentId = providerPaymentId;
      if (providerPaymentId.startsWith("cs_")) {
        const session = await call(() => stripe.checkout.sessions.retrieve(providerPaymentId));
        const intent = session.payment_intent;
        if (!intent) throw new AppError("CONFLICT", "This Checkout Session has no payment to refund");
        intentId = typeof intent === "string" ? intent : intent.id;
      }
      const refund = await call(() =>
        stripe.refunds.create({ payment_intent: intentId, amount: toStripeAmount(amount) }, idempotencyKey ? { idempotencyKey } : undefined),
      );
      const status = refund.status === "succeeded" ? "succeeded" : refund.status === "failed" || refund.status === "canceled" ? "failed" : "pending";
      return { providerRefundId: refund.id, amount: { amountMinor: BigInt(refund.amount), currency: refund.currency.toUpperCase() }, status };
    },
  };
}
