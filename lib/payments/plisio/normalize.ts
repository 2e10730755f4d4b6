import { z } from "zod";
import { receivedMoney, optionalInvoiceMoney } from "../amounts";
import type { PaymentSnapshot, PaymentStatus } from "../gateway";

const decimal = z.union([z.string(), z.number()]);

// Callback (json=true) and GET /operations/:id carry the same fields, the id as txn_id or id.
export const plisioInvoiceSchema = z.object({
  txn_id: z.string().optional(),
  id: z.string().optional(),
  status: z.string(),
  amount: decimal.nullish(), // received, in the cryptocurrency
  currency: z.string().nullish(),
  source_amount: decimal.nullish(), // asked for, in the shop currency
  source_currency: z.string().nullish(),
  order_number: z.union([z.string(), z.number()]).transform(String).nullish(),
  params: z.object({ order_number: z.union([z.string(), z.number()]).transform(String).nullish() }).passthrough().nullish(),
}).passthrough();
export type PlisioInvoice = z.infer<typeof plisioInvoiceSchema>;

export const PLISIO_STATUS: Record<string, PaymentStatus> = {
  new: "pending",
  pending: "pending",
  "pending internal": "pending",
  completed: "succeeded",
  mismatch: "succeeded", // overpaid: compare received with amount
  expired: "expired", // partially_paid when something arrived, see below
  error: "failed",
  cancelled: "canceled",
  "cancelled duplicate": "canceled",
};

export function plisioIdOf(invoice: PlisioInvoice): string {
  return invoice.txn_id ?? invoice.id ?? "";
}

export function snapshotOfPlisio(invoice: PlisioInvoice): PaymentSnapshot {
  const received = receivedMoney(invoice.amount, invoice.currency);
  let status = PLISIO_STATUS[invoice.status] ?? "pending";
  if (status === "expired" && received) status = "partially_paid";
  const amount = optionalInvoiceMoney(invoice.source_amount, invoice.source_currency);
  return {
    provider: "plisio",
    providerPaymentId: plisioIdOf(invoice),
    orderId: invoice.order_number ?? invoice.params?.order_number ?? null,
    status,
    amount,
    // before anything arrived Plisio reports the amount due here, not an amount received
    received: status === "pending" ? null : received,
    receivedValue: status !== "pending" && received && amount && received.currency === amount.currency ? received : null,
  };
}
