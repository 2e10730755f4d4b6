import type { Tx } from "@/lib/db";
import { releasePromoRedemption } from "@/lib/promo/redeem-promo";
import { postWalletEntry } from "@/lib/wallet/post-wallet-entry";

// What an order holds while it waits for payment: its promo redemption and the wallet part,
// debited at creation. A failed or expired order gives both back, exactly once (the release has
// its own wallet idempotency key; releasing the promo twice finds nothing the second time).

export const walletHoldKey = (orderId: string) => `order-wallet:${orderId}`;
export const walletReleaseKey = (orderId: string) => `order-wallet-release:${orderId}`;

/** Call inside the transaction that moved the order to FAILED or EXPIRED. */
export async function releaseOrderHolds(tx: Tx, orderId: string): Promise<{ promoReleased: boolean; walletReleasedMinor: bigint }> {
  const { released } = await releasePromoRedemption(tx, { orderId });
  const hold = await tx.walletEntry.findUnique({ where: { idempotencyKey: walletHoldKey(orderId) }, select: { userId: true, currency: true, amountMinor: true } });
  if (!hold || hold.amountMinor >= 0n) return { promoReleased: released, walletReleasedMinor: 0n };
  const posting = await postWalletEntry(tx, {
    userId: hold.userId, currency: hold.currency, amountMinor: -hold.amountMinor, kind: "REFUND",
    idempotencyKey: walletReleaseKey(orderId), orderId, reason: "Order not paid: wallet amount released",
  });
  return { promoReleased: released, walletReleasedMinor: posting.replayed ? 0n : -hold.amountMinor };
}
