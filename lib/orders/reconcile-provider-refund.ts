import { invalidateLicenses } from "@/lib/catalog/license-snapshots";
import { z } from "zod";
import { db } from "@/lib/db";
import { moneyOf } from "@/lib/payments/amounts";
import type { NormalizedEvent } from "@/lib/payments/gateway";
import { applyRefund } from "./apply-refund";
import { lockOrder, ORDER_TX_OPTIONS } from "./lock-order";

// A refund made at the provider (its dashboard, a dispute settled by refund) reaches Keyfront as a
// webhook: Stripe charge.refunded carries the charge's refunded total, PayPal
// PAYMENT.CAPTURE.REFUNDED one refund with its id. Each is booked once as a PROVIDER refund of the
// gateway part; refunds Keyfront made itself are recognized (same total / same refund id).

export type ReconcileOutcome = "refund_booked" | "refund_known" | "not_refundable";

const paypalRefundSchema = z.object({ resource: z.object({ id: z.string(), amount: z.object({ value: z.string(), currency_code: z.string() }) }).passthrough() }).passthrough();

type ProviderRefund = { key: string; providerRefundId: string | null; currency: string } & ({ totalRefundedMinor: bigint } | { amountMinor: bigint });

function readRefund(event: NormalizedEvent): ProviderRefund | null {
  if (event.provider === "stripe" && event.amount && event.received) {
    const total = event.amount.amountMinor - event.received.amountMinor;
    const charge = (event.payload as { data?: { object?: { id?: string } } }).data?.object?.id ?? event.providerPaymentId;
    return { key: `provider:stripe:${charge}:${total}`, providerRefundId: null, currency: event.amount.currency, totalRefundedMinor: total };
  }
  if (event.provider === "paypal") {
    const parsed = paypalRefundSchema.safeParse(event.payload);
    if (!parsed.success) return null;
    const money = moneyOf(parsed.data.resource.amount.value, parsed.data.resource.amount.currency_code);
    return { key: `provider:paypal:${parsed.data.resource.id}`, providerRefundId: parsed.data.resource.id, currency: money.currency, amountMinor: money.amountMinor };
  }
  return null;
}

export async function reconcileProviderRefund(orderId: string, event: NormalizedEvent): Promise<ReconcileOutcome> {
  const refund = readRefund(event);
  if (!refund) return "not_refundable";
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.kind !== "PURCHASE" || order.currency !== refund.currency) return null;
    if (!["PAID", "PARTIALLY_REFUNDED"].includes(order.status)) return null;
    const known = await tx.orderRefund.findFirst({
      where: { orderId, OR: [{ idempotencyKey: refund.key }, ...(refund.providerRefundId ? [{ providerRefundId: refund.providerRefundId }] : [])] },
      select: { id: true },
    });
    if (known) return { revoked: [], outcome: "refund_known" as const };
    let amountMinor: bigint;
    if ("totalRefundedMinor" in refund) {
      const booked = await tx.orderRefund.aggregate({ where: { orderId }, _sum: { gatewayMinor: true } });
      amountMinor = refund.totalRefundedMinor - (booked._sum.gatewayMinor ?? 0n);
    } else amountMinor = refund.amountMinor;
    const left = order.totalMinor - order.refundedMinor;
    if (amountMinor > left) amountMinor = left;
    if (amountMinor <= 0n) return { revoked: [], outcome: "refund_known" as const };
    const booked = await applyRefund(tx, order, {
      amountMinor, gatewayMinor: amountMinor, walletMinor: 0n, providerRefundId: refund.providerRefundId, source: "PROVIDER",
      reason: `Refunded at ${event.provider}`, idempotencyKey: refund.key,
    }, { type: "SYSTEM", id: null });
    return { revoked: booked.revoked, outcome: "refund_booked" as const };
  }, ORDER_TX_OPTIONS);
  if (!result) return "not_refundable";
  await invalidateLicenses(result.revoked);
  return result.outcome;
}
