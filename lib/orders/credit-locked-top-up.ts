import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { renderWalletTopUp } from "@/lib/notifications/render-wallet-top-up";
import type { PaymentSnapshot } from "@/lib/payments/gateway";
import { postWalletEntry } from "@/lib/wallet/post-wallet-entry";
import type { LockedOrder } from "./lock-order";

// A wallet top-up is credited at what actually arrived (valued in the order currency by the
// provider), partial payments included, whatever the invoice asked for. Each credit brings what
// was credited for that provider payment up to its received value, with a wallet key from the provider payment
// and that total: a replay or a reordered callback credits nothing twice, and a payment that grows
// (a second transfer to the same invoice) adds only the difference.

export type TopUpOutcome = "credited" | "already_credited" | "nothing_received" | "mismatch";
export type LockedTopUp = { outcome: TopUpOutcome; creditedMinor: bigint; detail?: string };

/** Gateways whose payments are credited to the wallet (a purchase is then paid from it). */
export const WALLET_CREDIT_GATEWAYS: readonly string[] = ["cryptomus", "nowpayments", "plisio"];

const CREDITABLE: readonly string[] = ["succeeded", "partially_paid"];

export const topUpKey = (payment: Pick<PaymentSnapshot, "provider" | "providerPaymentId">, totalMinor: bigint) =>
  `top-up:${payment.provider}:${payment.providerPaymentId}:${totalMinor}`;

export async function creditLockedTopUp(tx: Tx, order: LockedOrder, payment: PaymentSnapshot, now = new Date()): Promise<LockedTopUp> {
  if (payment.orderId !== null && payment.orderId !== order.id) return { outcome: "mismatch", creditedMinor: 0n, detail: `payment is for order ${payment.orderId}` };
  if (!CREDITABLE.includes(payment.status)) return { outcome: "nothing_received", creditedMinor: 0n, detail: `payment is ${payment.status}` };
  // A payment in another coin that the provider does not value: paid in full means the invoice amount.
  const value = payment.receivedValue ?? (payment.status === "succeeded" && payment.amount?.currency === order.currency ? payment.amount : null);
  if (!value || value.amountMinor <= 0n) return { outcome: "nothing_received", creditedMinor: 0n, detail: "no received value reported" };
  if (value.currency !== order.currency) return { outcome: "mismatch", creditedMinor: 0n, detail: `received value in ${value.currency}` };

  // Per provider payment: a second, separate payment to the same invoice is credited on its own.
  const prefix = topUpKey(payment, 0n).replace(/0$/, "");
  const credited = await tx.walletEntry.aggregate({ where: { orderId: order.id, kind: "TOP_UP", idempotencyKey: { startsWith: prefix } }, _sum: { amountMinor: true } });
  const before = credited._sum.amountMinor ?? 0n;
  if (value.amountMinor <= before) return { outcome: "already_credited", creditedMinor: 0n };

  const delta = value.amountMinor - before;
  const posting = await postWalletEntry(tx, {
    userId: order.userId, currency: order.currency, amountMinor: delta, kind: "TOP_UP",
    idempotencyKey: topUpKey(payment, value.amountMinor), orderId: order.id, reason: `Top-up via ${payment.provider}`,
  });
  if (posting.replayed) return { outcome: "already_credited", creditedMinor: 0n };

  if (order.kind === "TOP_UP" && order.status === "PENDING") {
    await tx.order.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: { status: "PAID", paidAt: now, expiresAt: null, gateway: payment.provider, gatewayPaymentId: payment.providerPaymentId },
    });
  }
  const user = await tx.user.findUniqueOrThrow({ where: { id: order.userId }, select: { email: true, name: true, locale: true } });
  const email = await renderWalletTopUp({ to: user.email, name: user.name, locale: user.locale, amountMinor: delta, balanceMinor: posting.balanceMinor, currency: order.currency });
  await enqueueEmail(tx, email, { idempotencyKey: `wallet-top-up:${posting.entry.id}` });
  return { outcome: "credited", creditedMinor: delta };
}
