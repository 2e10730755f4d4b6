import { randomBytes } from "node:crypto";
import { toDecimalString, type Money } from "@/lib/money";
import { AppError } from "@/lib/errors";
import { getEnv, type Env } from "@/lib/env";
import { moneyOf, receivedMoney } from "../amounts";
import type { CreatePaymentInput, PaymentGateway, PaymentSnapshot, PaymentStatus } from "../gateway";
import { SANDBOX_SIGNATURE_HEADER, signSandboxPayload } from "./sign";
import { defaultSandboxStore, type SandboxPayment, type SandboxStore } from "./store";
import { verifySandboxWebhook, type SandboxEvent } from "./verify-webhook";

// Keyfront's own local gateway (clearly a simulation): a hosted page on this server, webhooks
// signed with a per-install secret. It never exists in production.
export type SandboxGatewayOptions = { secret: string; appUrl: string; store?: SandboxStore; toleranceSec?: number };

/** Outside production, and on the embedded local install even when it runs a production build. */
export function isSandboxAllowed(env: Pick<Env, "production"> & Partial<Pick<Env, "KEYFRONT_EMBEDDED">> = getEnv()): boolean {
  return !env.production || env.KEYFRONT_EMBEDDED === true;
}

export function assertSandboxAllowed(env: Pick<Env, "production"> & Partial<Pick<Env, "KEYFRONT_EMBEDDED">> = getEnv()): void {
  if (!isSandboxAllowed(env)) throw new AppError("FORBIDDEN", "The sandbox gateway is not available in production");
}

export function sandboxPaymentPath(paymentId: string): string {
  return `/sandbox/pay/${encodeURIComponent(paymentId)}`;
}

/** The hosted sandbox payment page for a payment. */
export function sandboxPaymentUrl(appUrl: string, paymentId: string): string {
  return new URL(sandboxPaymentPath(paymentId), appUrl).toString();
}

function snapshotOf(p: SandboxPayment): PaymentSnapshot {
  const received = receivedMoney(p.received, p.currency);
  return { provider: "sandbox", providerPaymentId: p.id, orderId: p.orderId, status: p.status, amount: moneyOf(p.amount, p.currency), received, receivedValue: received };
}

export type SandboxOutcome = { status: Extract<PaymentStatus, "succeeded" | "partially_paid" | "failed" | "canceled">; received?: Money };
export type SignedSandboxWebhook = { url: string | null; body: string; headers: Record<string, string> };

/**
 * What the hosted page calls when the tester chooses an outcome: records it and returns the
 * signed webhook to deliver (the same bytes the webhook route will verify).
 */
export async function completeSandboxPayment(
  paymentId: string,
  outcome: SandboxOutcome,
  options: { secret: string; store?: SandboxStore; now?: () => number },
): Promise<SignedSandboxWebhook> {
  assertSandboxAllowed();
  const store = options.store ?? defaultSandboxStore();
  const payment = await store.get(paymentId);
  if (!payment) throw new AppError("NOT_FOUND", "Unknown sandbox payment");
  if (payment.status !== "pending") throw new AppError("CONFLICT", "This sandbox payment is already complete");
  if (outcome.received && outcome.received.currency !== payment.currency) throw new AppError("BAD_REQUEST", "Received amount must be in the payment currency");
  const received =
    outcome.status === "succeeded" ? (outcome.received ? toDecimalString(outcome.received.amountMinor, payment.currency) : payment.amount)
    : outcome.status === "partially_paid" && outcome.received ? toDecimalString(outcome.received.amountMinor, payment.currency)
    : null;
  const updated: SandboxPayment = { ...payment, status: outcome.status, received };
  await store.save(updated);
  return signedEvent(updated, `payment.${outcome.status}`, options);
}

function signedEvent(payment: SandboxPayment, type: string, options: { secret: string; now?: () => number }): SignedSandboxWebhook {
  const event: SandboxEvent = {
    id: `sbx_evt_${randomBytes(12).toString("hex")}`,
    type,
    data: { paymentId: payment.id, orderId: payment.orderId, status: payment.status, amount: payment.amount, currency: payment.currency, received: payment.received },
  };
  const body = JSON.stringify(event);
  const nowSec = Math.floor((options.now?.() ?? Date.now()) / 1000);
  return { url: payment.webhookUrl, body, headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: signSandboxPayload(body, options.secret, nowSec) } };
}

export function createSandboxGateway(options: SandboxGatewayOptions, env: Pick<Env, "production"> & Partial<Pick<Env, "KEYFRONT_EMBEDDED">> = getEnv()): PaymentGateway {
  assertSandboxAllowed(env);
  if (options.secret.length < 32) throw new AppError("INTERNAL", "Sandbox gateway secret must be at least 32 characters");
  const store = options.store ?? defaultSandboxStore();

  async function getOrThrow(id: string): Promise<SandboxPayment> {
    const payment = await store.get(id);
    if (!payment) throw new AppError("NOT_FOUND", "Sandbox gateway does not know this payment");
    return payment;
  }

  return {
    id: "sandbox",
    supportsRefund: true,

    async createPayment(input: CreatePaymentInput) {
      const existing = await store.byIdempotencyKey(input.idempotencyKey);
      const payment: SandboxPayment = existing ?? {
        id: `sbx_${randomBytes(12).toString("hex")}`,
        orderId: input.orderId,
        amount: toDecimalString(input.amount.amountMinor, input.amount.currency),
        currency: input.amount.currency,
        description: input.description,
        status: "pending",
        received: null,
        returnUrl: input.returnUrl,
        cancelUrl: input.cancelUrl,
        webhookUrl: input.webhookUrl ?? null,
        idempotencyKey: input.idempotencyKey,
        createdAt: Date.now(),
      };
      if (!existing) await store.save(payment);
      return { providerPaymentId: payment.id, redirectUrl: sandboxPaymentUrl(options.appUrl, payment.id), clientToken: null };
    },

    verifyWebhook: (rawBody, headers) => verifySandboxWebhook(rawBody, headers, { secret: options.secret, toleranceSec: options.toleranceSec }),

    fetchPayment: async (id) => snapshotOf(await getOrThrow(id)),

    async refund(id: string, amount: Money) {
      const payment = await getOrThrow(id);
      if (payment.status !== "succeeded" && payment.status !== "partially_paid") throw new AppError("CONFLICT", "Only a paid sandbox payment can be refunded");
      const paid = receivedMoney(payment.received, payment.currency);
      if (!paid || amount.currency !== payment.currency || amount.amountMinor <= 0n || amount.amountMinor > paid.amountMinor) {
        throw new AppError("BAD_REQUEST", "Refund amount exceeds what was paid");
      }
      const left = paid.amountMinor - amount.amountMinor;
      await store.save({ ...payment, status: left === 0n ? "refunded" : payment.status, received: toDecimalString(left, payment.currency) });
      return { providerRefundId: `sbx_re_${randomBytes(8).toString("hex")}`, amount, status: "succeeded" };
    },
  };
}
