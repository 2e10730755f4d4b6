import { db } from "@/lib/db";

export type OwnTopUp = { id: string; status: string; currency: string; requestedMinor: bigint; creditedMinor: bigint };

/**
 * A wallet top-up order and what its payments have credited to the wallet so far (the amount that
 * actually arrived, which for crypto can differ from what was asked). Null unless the order is a
 * top-up of this user.
 */
export async function getTopUpForOwner(userId: string, orderId: string): Promise<OwnTopUp | null> {
  const order = await db.order.findFirst({
    where: { id: orderId, userId, kind: "TOP_UP" },
    select: { id: true, status: true, currency: true, totalMinor: true },
  });
  if (!order) return null;
  const credited = await db.walletEntry.aggregate({ where: { orderId: order.id, userId, kind: "TOP_UP" }, _sum: { amountMinor: true } });
  return { id: order.id, status: order.status, currency: order.currency, requestedMinor: order.totalMinor, creditedMinor: credited._sum.amountMinor ?? 0n };
}
