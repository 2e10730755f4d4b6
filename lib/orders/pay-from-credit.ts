import type { Tx } from "@/lib/db";
import type { PaymentSnapshot } from "@/lib/payments/gateway";
import { debitWallet } from "@/lib/wallet/debit-wallet";
import { isAppError } from "@/lib/errors";
import { creditLockedTopUp } from "./credit-locked-top-up";
import { fulfilLockedOrder, type LockedFulfilment } from "./fulfil-locked-order";
import { dueMinor, type LockedOrder } from "./lock-order";

// A purchase paid through a crypto gateway: what arrived is credited to the customer's wallet
// (at the received value, partial payments included), then the amount due is taken from the
// wallet and the order is fulfilled. Too little arrived → the money stays in the wallet and the
// order waits (the customer can pay the rest, or use the balance later).

export const cryptoSettlementKey = (orderId: string) => `order-settlement:${orderId}`;

export async function payFromCredit(tx: Tx, order: LockedOrder, payment: PaymentSnapshot, now: Date): Promise<LockedFulfilment & { credited: boolean }> {
  const credit = await creditLockedTopUp(tx, order, payment, now);
  const credited = credit.outcome === "credited";
  if (credit.outcome === "mismatch") return { outcome: "mismatch", keyHashes: [], detail: credit.detail, credited };
  if (order.status !== "PENDING") return { outcome: order.status === "PAID" ? "already_paid" : "not_pending", keyHashes: [], credited };
  const due = dueMinor(order);
  try {
    await debitWallet(tx, { userId: order.userId, currency: order.currency, amountMinor: due, idempotencyKey: cryptoSettlementKey(order.id), orderId: order.id, reason: `Order paid via ${payment.provider}` });
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return { outcome: "underpaid", keyHashes: [], detail: "received less than due; credited to the wallet", credited };
    throw err;
  }
  const settled: PaymentSnapshot = { ...payment, status: "succeeded", receivedValue: { amountMinor: due, currency: order.currency } };
  const done = await fulfilLockedOrder(tx, order, settled, now);
  return { ...done, credited };
}
