import { z } from "zod";
import { moneyOf, receivedMoney } from "../amounts";
import type { PaymentSnapshot, PaymentStatus } from "../gateway";

const decimal = z.union([z.string(), z.number()]);

export const cryptomusPaymentSchema = z.object({
  uuid: z.string(),
  order_id: z.string().nullish(),
  amount: decimal,
  currency: z.string(),
  payment_amount: decimal.nullish(),
  payment_amount_usd: decimal.nullish(),
  payer_currency: z.string().nullish(),
  status: z.string().nullish(),
  payment_status: z.string().nullish(),
  is_final: z.boolean().nullish(),
}).passthrough();
export type CryptomusPayment = z.infer<typeof cryptomusPaymentSchema>;

// refund_process / refund_fail are not listed: they change nothing about what was paid.
export const CRYPTOMUS_STATUS: Record<string, PaymentStatus> = {
  paid: "succeeded",
  paid_over: "succeeded",
  wrong_amount: "partially_paid",
  process: "pending",
  check: "pending",
  confirm_check: "pending",
  wrong_amount_waiting: "partially_paid",
  fail: "failed",
  system_fail: "failed",
  cancel: "expired",
  locked: "pending",
  refund_paid: "refunded",
};

export function cryptomusStatusOf(payment: CryptomusPayment): string {
  return payment.payment_status ?? payment.status ?? "check";
}

export function snapshotOfCryptomus(payment: CryptomusPayment): PaymentSnapshot {
  const amount = moneyOf(payment.amount, payment.currency);
  const payerCurrency = payment.payer_currency ?? payment.currency;
  const received = receivedMoney(payment.payment_amount, payerCurrency);
  // what arrived, valued in the invoice currency: directly when paid in it, else via the USD value
  let receivedValue = received && received.currency === amount.currency ? received : null;
  if (!receivedValue && amount.currency === "USD") receivedValue = receivedMoney(payment.payment_amount_usd, "USD");
  return {
    provider: "cryptomus",
    providerPaymentId: payment.uuid,
    orderId: payment.order_id ?? null,
    status: CRYPTOMUS_STATUS[cryptomusStatusOf(payment)] ?? "pending",
    amount,
    received,
    receivedValue,
  };
}
