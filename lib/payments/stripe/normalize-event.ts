import { z } from "zod";
import type { Money } from "@/lib/money";
import type { NormalizedEvent, PaymentSnapshot, PaymentStatus } from "../gateway";

// Stripe amounts are already integers in the currency's smallest unit.
function stripeMoney(amount: number | null | undefined, currency: string | null | undefined): Money | null {
  if (amount === null || amount === undefined || !currency) return null;
  return { amountMinor: BigInt(amount), currency: currency.toUpperCase() };
}

const metadata = z.record(z.string(), z.string()).nullish();

export const sessionSchema = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  status: z.string().nullish(), // open | complete | expired
  payment_status: z.string(), // paid | unpaid | no_payment_required
  client_reference_id: z.string().nullish(),
  metadata,
  payment_intent: z.union([z.string(), z.object({ id: z.string(), amount_received: z.number().int().nullish() }).passthrough()]).nullish(),
});

export const paymentIntentSchema = z.object({
  id: z.string(),
  object: z.literal("payment_intent"),
  amount: z.number().int(),
  amount_received: z.number().int().nullish(),
  currency: z.string(),
  status: z.string(),
  metadata,
});

const chargeSchema = z.object({
  id: z.string(),
  object: z.literal("charge"),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  payment_intent: z.string().nullish(),
  refunded: z.boolean(),
  metadata,
});

const INTENT_STATUS: Record<string, PaymentStatus> = {
  succeeded: "succeeded",
  canceled: "canceled",
  requires_payment_method: "pending",
  requires_confirmation: "pending",
  requires_action: "pending",
  processing: "pending",
  requires_capture: "pending",
};

export function snapshotOfSession(session: z.infer<typeof sessionSchema>): PaymentSnapshot {
  const amount = stripeMoney(session.amount_total, session.currency);
  const paid = session.payment_status === "paid" || session.payment_status === "no_payment_required";
  const status: PaymentStatus = paid ? "succeeded" : session.status === "expired" ? "expired" : "pending";
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const received = intent?.amount_received != null ? stripeMoney(intent.amount_received, session.currency) : paid ? amount : null;
  return {
    provider: "stripe",
    providerPaymentId: session.id,
    orderId: session.client_reference_id ?? session.metadata?.orderId ?? null,
    status,
    amount,
    received,
    receivedValue: received,
  };
}

export function snapshotOfIntent(intent: z.infer<typeof paymentIntentSchema>): PaymentSnapshot {
  const received = stripeMoney(intent.amount_received ?? 0, intent.currency);
  return {
    provider: "stripe",
    providerPaymentId: intent.id,
    orderId: intent.metadata?.orderId ?? null,
    status: INTENT_STATUS[intent.status] ?? "pending",
    amount: stripeMoney(intent.amount, intent.currency),
    received,
    receivedValue: received,
  };
}

type StripeEventLike = { id: string; type: string; data: { object: unknown } };

/** Maps a verified Stripe event to the gateway-neutral shape; null for event types we ignore. */
export function normalizeStripeEvent(event: StripeEventLike): NormalizedEvent | null {
  const object = event.data.object;
  const base = { eventId: event.id, type: event.type, actionable: true, payload: event };
  if (event.type.startsWith("checkout.session.")) {
    const session = sessionSchema.parse(object);
    const snapshot = snapshotOfSession(session);
    if (event.type === "checkout.session.async_payment_failed") snapshot.status = "failed";
    if (event.type === "checkout.session.expired") snapshot.status = "expired";
    return { ...snapshot, ...base };
  }
  if (event.type.startsWith("payment_intent.")) {
    const snapshot = snapshotOfIntent(paymentIntentSchema.parse(object));
    if (event.type === "payment_intent.payment_failed") snapshot.status = "failed";
    return { ...snapshot, ...base };
  }
  if (event.type === "charge.refunded") {
    const charge = chargeSchema.parse(object);
    return {
      ...base,
      provider: "stripe",
      providerPaymentId: charge.payment_intent ?? charge.id,
      orderId: charge.metadata?.orderId ?? null,
      status: "refunded",
      amount: stripeMoney(charge.amount, charge.currency),
      received: stripeMoney(charge.amount - charge.amount_refunded, charge.currency),
      receivedValue: stripeMoney(charge.amount - charge.amount_refunded, charge.currency),
    };
  }
  return null;
}
