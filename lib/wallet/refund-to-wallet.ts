import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { inWalletTransaction, postWalletEntry, type WalletPosting } from "./post-wallet-entry";
import { refundToWalletSchema, type RefundToWalletInput } from "./schemas";

const REFUNDABLE: readonly string[] = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

/**
 * Refunds (part of) an order to its customer's wallet. Several partial refunds per order are
 * allowed, each with its own idempotency key, but together they never exceed the order's total.
 */
export async function refundToWallet(client: DbOrTx, input: RefundToWalletInput): Promise<WalletPosting> {
  const v = parseInput(refundToWalletSchema, input);
  return inWalletTransaction(client, async (tx) => {
    // Lock the order so that two different refunds of it cannot both pass the total check.
    const orders = await tx.$queryRaw<{ totalMinor: bigint; status: string }[]>`
      SELECT "totalMinor", "status"::text AS "status" FROM "Order" WHERE "id" = ${v.orderId} FOR NO KEY UPDATE`;
    if (!orders[0]) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["Order not found."] } });
    if (!REFUNDABLE.includes(orders[0].status)) throw new AppError("CONFLICT", "Only a paid order can be refunded.", { fields: { orderId: ["The order is not paid."] } });
    const refunded = await tx.walletEntry.aggregate({
      where: { orderId: v.orderId, kind: "REFUND", NOT: { idempotencyKey: v.idempotencyKey } },
      _sum: { amountMinor: true },
    });
    if ((refunded._sum.amountMinor ?? 0n) + v.amountMinor > BigInt(orders[0].totalMinor)) {
      const message = "Refunds to the wallet would exceed the order total.";
      throw new AppError("CONFLICT", message, { fields: { amountMinor: [message] } });
    }
    return postWalletEntry(tx, {
      userId: v.userId, currency: v.currency, amountMinor: v.amountMinor, kind: "REFUND",
      idempotencyKey: v.idempotencyKey, orderId: v.orderId, reason: null,
    });
  });
}
