import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { logger } from "@/lib/logger";
import { closeLockedOrder } from "./fail-order";
import { lockOrder, ORDER_TX_OPTIONS } from "./lock-order";

const expireSchema = z.object({ now: z.date().optional(), limit: z.number().int().min(1).max(1000).optional() });

export type ExpireResult = { expired: number; promoReleased: number; walletReleasedMinor: Record<string, bigint> };

/**
 * Expires pending orders whose time ran out and gives back their promo redemption and wallet
 * hold. Each order is expired in its own transaction under its row lock with a compare-and-set,
 * so two runs at once (or a payment arriving at that moment) never release anything twice.
 */
export async function expireStaleOrders(input: z.input<typeof expireSchema> = {}): Promise<ExpireResult> {
  const { now = new Date(), limit = 200 } = parseInput(expireSchema, input);
  const due = await db.order.findMany({
    where: { status: "PENDING", expiresAt: { lt: now } },
    orderBy: { expiresAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const result: ExpireResult = { expired: 0, promoReleased: 0, walletReleasedMinor: {} };
  for (const { id } of due) {
    try {
      const closed = await db.$transaction(async (tx) => {
        const order = await lockOrder(tx, id);
        if (!order || !order.expiresAt || order.expiresAt >= now) return null;
        return { currency: order.currency, ...(await closeLockedOrder(tx, order, "EXPIRED")) };
      }, ORDER_TX_OPTIONS);
      if (closed?.outcome !== "closed") continue;
      result.expired++;
      if (closed.promoReleased) result.promoReleased++;
      if (closed.walletReleasedMinor > 0n) result.walletReleasedMinor[closed.currency] = (result.walletReleasedMinor[closed.currency] ?? 0n) + closed.walletReleasedMinor;
    } catch (err) {
      logger.error("expiring an order failed", { orderId: id, err });
    }
  }
  return result;
}
