import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { logger } from "@/lib/logger";
import { loadAndStore } from "@/lib/cache/license-cache";
import { deliverSoon } from "@/lib/notifications/deliver-soon";
import type { PaymentSnapshot } from "@/lib/payments/gateway";
import { orderIdField } from "@/lib/checkout/schemas";
import { creditLockedTopUp, WALLET_CREDIT_GATEWAYS, type TopUpOutcome } from "./credit-locked-top-up";
import { payFromCredit } from "./pay-from-credit";
import { fulfilLockedOrder, type FulfilOutcome } from "./fulfil-locked-order";
import { lockOrder, ORDER_TX_OPTIONS } from "./lock-order";

export type FulfilResult = { orderId: string; outcome: FulfilOutcome | TopUpOutcome; detail?: string };

/** After commit: send the queued emails and put the new licenses in the validation cache. */
export async function afterFulfilment(keyHashes: readonly string[], emailsQueued: boolean): Promise<void> {
  if (emailsQueued) void deliverSoon();
  for (const keyHash of keyHashes) {
    try {
      await loadAndStore(keyHash);
    } catch (err) {
      logger.warn("license cache pre-warm failed", { err });
    }
  }
}

/**
 * Applies a payment, as the provider reports it (fetched, never taken from a webhook body alone),
 * to an order, in one transaction: a purchase becomes PAID with its licenses and emails, a wallet
 * top-up is credited at the amount received. Safe to call any number of times, concurrently: only
 * the caller that flips the order runs the side effects; the others get `already_paid`.
 */
export async function fulfilOrder(orderId: string, payment: PaymentSnapshot | null): Promise<FulfilResult> {
  const id = parseInput(orderIdField, orderId);
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (!order) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["NOT_FOUND"] } });
    if (order.kind === "TOP_UP") {
      if (!payment) return { outcome: "nothing_received" as const, keyHashes: [], emails: false };
      const credit = await creditLockedTopUp(tx, order, payment);
      return { outcome: credit.outcome, detail: credit.detail, keyHashes: [], emails: credit.outcome === "credited" };
    }
    if (payment && WALLET_CREDIT_GATEWAYS.includes(payment.provider)) {
      const paid = await payFromCredit(tx, order, payment, new Date());
      return { ...paid, emails: paid.credited || paid.outcome === "fulfilled" };
    }
    const done = await fulfilLockedOrder(tx, order, payment);
    return { ...done, emails: done.outcome === "fulfilled" };
  }, ORDER_TX_OPTIONS);
  await afterFulfilment(result.keyHashes, result.emails);
  if (result.outcome === "underpaid" || result.outcome === "mismatch") logger.warn("payment does not pay its order", { orderId: id, outcome: result.outcome, detail: result.detail });
  return { orderId: id, outcome: result.outcome, ...(result.detail ? { detail: result.detail } : {}) };
}
