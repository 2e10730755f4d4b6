import { z } from "zod";
import { moneyOf, receivedMoney } from "../amounts";
import type { PaymentSnapshot, PaymentStatus } from "../gateway";

const decimal = z.union([z.string(), z.number()]);
const id = z.union([z.string(), z.number()]).transform(String);

export const nowpaymentsPaymentSchema = z.object({
  payment_id: id,
  invoice_id: id.nullish(),
  payment_status: z.string(),
  price_amount: decimal,
  price_currency: z.string(),
  pay_amount: decimal.nullish(),
  pay_currency: z.string().nullish(),
  actually_paid: decimal.nullish(),
  actually_paid_at_fiat: decimal.nullish(),
  order_id: z.string().nullish(),
}).passthrough();
export type NowpaymentsPayment = z.infer<typeof nowpaymentsPaymentSchema>;

export const NOWPAYMENTS_STATUS: Record<string, PaymentStatus> = {
  waiting: "pending",
  confirming: "pending",
  confirmed: "pending", // on chain, not yet settled to the merchant: "finished" is final
  sending: "pending",
  partially_paid: "partially_paid",
  finished: "succeeded",
  failed: "failed",
  refunded: "refunded",
  expired: "expired",
};

/**
 * NOWPayments' ids: createPayment returns the invoice id; the customer's payment under it has its
 * own payment_id, which webhooks carry and fetchPayment takes. Match orders by orderId.
 */
export function snapshotOfNowpayments(payment: NowpaymentsPayment): PaymentSnapshot {
  const received = payment.pay_currency ? receivedMoney(payment.actually_paid, payment.pay_currency) : null;
  return {
    provider: "nowpayments",
    providerPaymentId: payment.payment_id,
    orderId: payment.order_id ?? null,
    status: NOWPAYMENTS_STATUS[payment.payment_status] ?? "pending",
    amount: moneyOf(payment.price_amount, payment.price_currency),
    received,
    receivedValue: receivedMoney(payment.actually_paid_at_fiat, payment.price_currency),
  };
}
