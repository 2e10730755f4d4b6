import { db } from "@/lib/db";
import type { Cart } from "./schemas";

/** The cart without the plans of the customer's own paid order (unpaid or foreign orders change nothing). */
export async function removePurchasedLines(cart: Cart, input: { userId: string; orderId: string }): Promise<Cart> {
  if (!/^ord_[0-9A-Z]{26}$/.test(input.orderId)) return cart;
  const items = await db.orderItem.findMany({
    where: { order: { id: input.orderId, userId: input.userId, status: "PAID" } },
    select: { planId: true },
  });
  if (items.length === 0) return cart;
  const bought = new Set(items.map((i) => i.planId));
  const lines = cart.lines.filter((l) => !bought.has(l.planId));
  return lines.length === cart.lines.length ? cart : { lines, promoCode: lines.length ? cart.promoCode : null, useWallet: cart.useWallet };
}
