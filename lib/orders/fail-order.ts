import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { orderIdField } from "@/lib/checkout/schemas";
import { lockOrder, ORDER_TX_OPTIONS, type LockedOrder } from "./lock-order";
import { releaseOrderHolds } from "./order-holds";

export type CloseOutcome = "closed" | "not_pending";
export type CloseResult = { orderId: string; outcome: CloseOutcome; status: OrderStatus; promoReleased: boolean; walletReleasedMinor: bigint };

/**
 * Moves a locked PENDING order to FAILED or EXPIRED (compare-and-set) and gives back what it held.
 * Any other status is left alone: a "failed" that arrives after "paid" never unpays an order.
 */
export async function closeLockedOrder(tx: Tx, order: LockedOrder, to: "FAILED" | "EXPIRED"): Promise<CloseResult> {
  const none = { orderId: order.id, promoReleased: false, walletReleasedMinor: 0n };
  if (order.status !== "PENDING") return { ...none, outcome: "not_pending", status: order.status };
  const flipped = await tx.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: to, expiresAt: null } });
  if (flipped.count !== 1) return { ...none, outcome: "not_pending", status: order.status };
  const released = await releaseOrderHolds(tx, order.id);
  return { orderId: order.id, outcome: "closed", status: to, ...released };
}

/** Marks a pending order as failed (its payment failed or was canceled) and releases its holds, once. */
export async function failOrder(orderId: string): Promise<CloseResult> {
  const id = parseInput(orderIdField, orderId);
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (!order) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["NOT_FOUND"] } });
    return closeLockedOrder(tx, order, "FAILED");
  }, ORDER_TX_OPTIONS);
}
