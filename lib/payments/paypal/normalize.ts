import { z } from "zod";
import type { Money } from "@/lib/money";
import { moneyOf } from "../amounts";
import type { NormalizedEvent, PaymentSnapshot, PaymentStatus } from "../gateway";

// PayPal money is { currency_code, value } with `value` a decimal string.
const paypalMoney = z.object({ currency_code: z.string(), value: z.string() });
const toMoney = (m: z.infer<typeof paypalMoney> | null | undefined): Money | null => (m ? moneyOf(m.value, m.currency_code) : null);

const capture = z.object({
  id: z.string(),
  status: z.string(),
  amount: paypalMoney.nullish(),
  custom_id: z.string().nullish(),
  supplementary_data: z.object({ related_ids: z.object({ order_id: z.string().nullish() }).passthrough() }).passthrough().nullish(),
  links: z.array(z.object({ rel: z.string(), href: z.string() })).nullish(),
}).passthrough();

export const orderSchema = z.object({
  id: z.string(),
  status: z.string(),
  links: z.array(z.object({ rel: z.string(), href: z.string() })).nullish(),
  purchase_units: z
    .array(
      z.object({
        reference_id: z.string().nullish(),
        custom_id: z.string().nullish(),
        amount: paypalMoney.nullish(),
        payments: z.object({ captures: z.array(capture).nullish() }).passthrough().nullish(),
      }).passthrough(),
    )
    .nullish(),
}).passthrough();
export type PaypalOrder = z.infer<typeof orderSchema>;

const CAPTURE_STATUS: Record<string, PaymentStatus> = {
  COMPLETED: "succeeded", PARTIALLY_REFUNDED: "succeeded", PENDING: "pending", DECLINED: "failed", FAILED: "failed", REFUNDED: "refunded",
};

export function firstCapture(order: PaypalOrder) {
  return order.purchase_units?.[0]?.payments?.captures?.[0] ?? null;
}

export function snapshotOfOrder(order: PaypalOrder): PaymentSnapshot {
  const unit = order.purchase_units?.[0];
  const captured = firstCapture(order);
  let status: PaymentStatus = order.status === "VOIDED" ? "canceled" : "pending";
  if (captured) status = CAPTURE_STATUS[captured.status] ?? "pending";
  const received = captured && status !== "pending" && status !== "failed" ? toMoney(captured.amount) : null;
  return {
    provider: "paypal",
    providerPaymentId: order.id,
    orderId: unit?.custom_id ?? unit?.reference_id ?? null,
    status,
    amount: toMoney(unit?.amount),
    received,
    receivedValue: received,
  };
}

export const eventSchema = z.object({ id: z.string(), event_type: z.string(), resource: z.unknown() }).passthrough();

/** Maps a verified PayPal webhook event; events without payment state are kept but not actionable. */
export function normalizePaypalEvent(event: z.infer<typeof eventSchema>): NormalizedEvent {
  const base = { eventId: event.id, type: event.event_type, payload: event };
  if (event.event_type.startsWith("CHECKOUT.ORDER.")) {
    const snapshot = snapshotOfOrder(orderSchema.parse(event.resource));
    return { ...snapshot, ...base, actionable: true };
  }
  if (event.event_type.startsWith("PAYMENT.CAPTURE.")) {
    const resource = capture.parse(event.resource);
    const status = event.event_type === "PAYMENT.CAPTURE.REFUNDED" ? "refunded" : (CAPTURE_STATUS[resource.status] ?? "pending");
    // A capture names its order; a refund links "up" to its capture.
    const up = resource.links?.find((l) => l.rel === "up")?.href.split("/").pop();
    const money = toMoney(resource.amount);
    return {
      ...base,
      actionable: true,
      provider: "paypal",
      providerPaymentId: resource.supplementary_data?.related_ids.order_id ?? up ?? resource.id,
      orderId: resource.custom_id ?? null,
      status,
      amount: status === "refunded" ? null : money,
      received: status === "succeeded" ? money : null,
      receivedValue: status === "succeeded" ? money : null,
    };
  }
  return { ...base, actionable: false, provider: "paypal", providerPaymentId: "", orderId: null, status: "pending", amount: null, received: null, receivedValue: null };
}
