import type { Tx } from "@/lib/db";
import { issueLicense } from "@/lib/licensing/issue-license";
import { queueOrderEmails } from "@/lib/notifications/queue-order-emails";
import type { PaymentSnapshot } from "@/lib/payments/gateway";
import { dueMinor, type LockedOrder } from "./lock-order";
import { walletHoldKey } from "./order-holds";

// The fulfilment of a purchase, inside the caller's transaction and under the order's row lock:
// checks the payment against the order, flips PENDING → PAID with a compare-and-set (only the
// caller that flips it goes on), issues one license per line and queues the emails. A payment
// that is not in full, in another currency or for another order leaves the order unpaid.

export const FULFIL_OUTCOMES = ["fulfilled", "already_paid", "not_pending", "underpaid", "mismatch"] as const;
export type FulfilOutcome = (typeof FULFIL_OUTCOMES)[number];

export type LockedFulfilment = { outcome: FulfilOutcome; keyHashes: string[]; detail?: string };

/** Why a payment does not pay an order, or null when it pays it in full. */
export function paymentShortfall(order: LockedOrder, payment: PaymentSnapshot | null): { outcome: "underpaid" | "mismatch"; detail: string } | null {
  const due = dueMinor(order);
  if (due === 0n) return null;
  if (!payment) return { outcome: "underpaid", detail: "no payment for the amount due" };
  if (payment.orderId !== null && payment.orderId !== order.id) return { outcome: "mismatch", detail: `payment is for order ${payment.orderId}` };
  if (payment.status !== "succeeded") return { outcome: "underpaid", detail: `payment is ${payment.status}` };
  const received = payment.receivedValue ?? payment.received;
  if (!received || received.currency !== order.currency) return { outcome: "mismatch", detail: "payment is in another currency or reports no amount" };
  if (received.amountMinor < due) return { outcome: "underpaid", detail: `received ${received.amountMinor} of ${due}` };
  return null;
}

export async function fulfilLockedOrder(tx: Tx, order: LockedOrder, payment: PaymentSnapshot | null, now = new Date()): Promise<LockedFulfilment> {
  if (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" || order.status === "REFUNDED") return { outcome: "already_paid", keyHashes: [] };
  if (order.status !== "PENDING") return { outcome: "not_pending", keyHashes: [], detail: `order is ${order.status}` };
  const shortfall = paymentShortfall(order, payment);
  if (shortfall) return { ...shortfall, keyHashes: [] };

  // The wallet part was taken at creation; an order that says it used the wallet must hold it.
  if (order.walletMinor > 0n) {
    const hold = await tx.walletEntry.findUnique({ where: { idempotencyKey: walletHoldKey(order.id) }, select: { amountMinor: true } });
    if (!hold || -hold.amountMinor !== order.walletMinor) return { outcome: "mismatch", keyHashes: [], detail: "wallet hold missing" };
  }
  if (order.promoCodeId) {
    const redemption = await tx.promoRedemption.findUnique({ where: { orderId: order.id }, select: { promoCodeId: true } });
    if (redemption?.promoCodeId !== order.promoCodeId) return { outcome: "mismatch", keyHashes: [], detail: "promo redemption missing" };
  }

  const paidWith = payment && dueMinor(order) > 0n ? { gateway: payment.provider, gatewayPaymentId: payment.providerPaymentId } : {};
  const flipped = await tx.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: "PAID", paidAt: now, expiresAt: null, ...paidWith } });
  if (flipped.count !== 1) return { outcome: "already_paid", keyHashes: [] };

  const items = await tx.orderItem.findMany({
    where: { orderId: order.id },
    orderBy: { id: "asc" },
    select: { id: true, planId: true, quantity: true, plan: { select: { activationLimit: true } } },
  });
  const keyHashes: string[] = [];
  for (const item of items) {
    // One license per line: the seats bought times what one seat allows (the plan's policy).
    const license = await issueLicense(tx, { userId: order.userId, planId: item.planId, seats: item.quantity * item.plan.activationLimit, orderItemId: item.id, now });
    keyHashes.push(license.keyHash);
  }
  await queueOrderEmails(tx, order.id);
  return { outcome: "fulfilled", keyHashes };
}
