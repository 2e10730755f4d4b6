import type { Tx } from "@/lib/db";
import type { OrderKind, OrderStatus } from "@/lib/generated/prisma/enums";

// Every change of an order's state runs under its row lock, so fulfilment, failure, expiry and
// refunds of one order queue instead of racing; each then writes with a compare-and-set.

export type LockedOrder = {
  id: string;
  userId: string;
  kind: OrderKind;
  status: OrderStatus;
  currency: string;
  totalMinor: bigint;
  walletMinor: bigint;
  refundedMinor: bigint;
  gateway: string | null;
  gatewayPaymentId: string | null;
  promoCodeId: string | null;
  expiresAt: Date | null;
};

/** Order transactions may wait on one row lock under bursts of webhooks. */
export const ORDER_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "userId", "kind"::text AS "kind", "status"::text AS "status", "currency", "totalMinor", "walletMinor",
           "refundedMinor", "gateway", "gatewayPaymentId", "promoCodeId", "expiresAt"
    FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, totalMinor: BigInt(row.totalMinor), walletMinor: BigInt(row.walletMinor), refundedMinor: BigInt(row.refundedMinor) };
}

/** What is left to pay through a gateway. */
export function dueMinor(order: Pick<LockedOrder, "totalMinor" | "walletMinor">): bigint {
  return order.totalMinor - order.walletMinor;
}
