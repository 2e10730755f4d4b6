import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

// The order status machine, as one table. Everything that changes an order's status asks it first
// (and then writes with a compare-and-set on the old status, so only one caller wins).

export const ORDER_STATUSES = ["PENDING", "PAID", "FAILED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED"] as const satisfies readonly OrderStatus[];

export const ORDER_TRANSITIONS: { readonly [S in OrderStatus]: readonly OrderStatus[] } = {
  PENDING: ["PAID", "FAILED", "EXPIRED"],
  PAID: ["REFUNDED", "PARTIALLY_REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  FAILED: [],
  EXPIRED: [],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** True when no transition leaves `status`. */
export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** Throws CONFLICT (`status: INVALID_TRANSITION`) unless `from → to` is in the table. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("CONFLICT", `An order cannot go from ${from} to ${to}.`, { fields: { status: ["INVALID_TRANSITION"] } });
  }
}
