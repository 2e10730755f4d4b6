import { z } from "zod";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

// The slices of Stripe's objects the billing handler reads. Both the current API shape (period
// ends on subscription items and invoice lines, the subscription under invoice.parent) and the
// older one (subscription.current_period_end, invoice.subscription) are accepted.
const idOrObject = z.union([z.string(), z.object({ id: z.string() }).passthrough()]).nullish();
const metadata = z.record(z.string(), z.string()).nullish();
const unixTime = z.number().int().nonnegative();

export const stripeEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  // seconds; missing when the caller passed a normalized copy of the event
  created: unixTime.optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const stripeSubscriptionSchema = z.object({
  id: z.string().startsWith("sub_"),
  object: z.literal("subscription"),
  status: z.string(),
  cancel_at_period_end: z.boolean().nullish(),
  current_period_end: unixTime.nullish(),
  ended_at: unixTime.nullish(),
  metadata,
  items: z.object({ data: z.array(z.object({ current_period_end: unixTime.nullish() }).passthrough()) }).passthrough().nullish(),
});

const invoiceLineSchema = z.object({ period: z.object({ start: unixTime, end: unixTime }).nullish() }).passthrough();

export const stripeInvoiceSchema = z.object({
  id: z.string().startsWith("in_"),
  object: z.literal("invoice"),
  subscription: idOrObject,
  subscription_details: z.object({ metadata }).passthrough().nullish(),
  parent: z
    .object({ subscription_details: z.object({ subscription: idOrObject, metadata }).passthrough().nullish() })
    .passthrough()
    .nullish(),
  period_end: unixTime.nullish(),
  lines: z.object({ data: z.array(invoiceLineSchema) }).passthrough().nullish(),
});

export const stripeSessionSchema = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  mode: z.string().nullish(),
  subscription: idOrObject,
  payment_status: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata,
});

export const stripeDisputeSchema = z.object({
  id: z.string(),
  object: z.literal("dispute"),
  charge: idOrObject,
  payment_intent: idOrObject,
});

export const stripeChargeSchema = z.object({
  id: z.string(),
  object: z.literal("charge"),
  payment_intent: idOrObject,
  refunded: z.boolean(),
});

export type StripeSubscriptionObject = z.infer<typeof stripeSubscriptionSchema>;
export type StripeInvoiceObject = z.infer<typeof stripeInvoiceSchema>;

export const idOf = (value: z.infer<typeof idOrObject>): string | null => (value == null ? null : typeof value === "string" ? value : value.id);
export const fromUnix = (seconds: number): Date => new Date(seconds * 1000);

const STATUS: Record<string, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  unpaid: "UNPAID",
  paused: "PAUSED",
  canceled: "CANCELED",
  incomplete_expired: "INCOMPLETE_EXPIRED",
};

export function subscriptionStatusOf(status: string): SubscriptionStatus | null {
  return STATUS[status] ?? null;
}

/** The end of the subscription's current period: the latest item period end (or the legacy field). */
export function currentPeriodEndOf(s: StripeSubscriptionObject): Date | null {
  const ends = (s.items?.data ?? []).map((i) => i.current_period_end).filter((e): e is number => typeof e === "number");
  if (ends.length) return fromUnix(Math.max(...ends));
  return s.current_period_end != null ? fromUnix(s.current_period_end) : null;
}

export function subscriptionIdOfInvoice(invoice: StripeInvoiceObject): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription) ?? idOf(invoice.subscription);
}

export function orderIdOfInvoice(invoice: StripeInvoiceObject): string | null {
  return invoice.parent?.subscription_details?.metadata?.orderId ?? invoice.subscription_details?.metadata?.orderId ?? null;
}

/**
 * The end of the service period the invoice pays for: the latest line period end. (An invoice's
 * own period_end is the end of the previous period for a renewal; it is only a fallback.)
 */
export function servicePeriodEndOf(invoice: StripeInvoiceObject): Date | null {
  const ends = (invoice.lines?.data ?? []).map((l) => l.period?.end).filter((e): e is number => typeof e === "number");
  if (ends.length) return fromUnix(Math.max(...ends));
  return invoice.period_end != null ? fromUnix(invoice.period_end) : null;
}
