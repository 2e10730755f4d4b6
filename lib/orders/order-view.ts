import type { OrderKind, OrderStatus } from "@/lib/generated/prisma/enums";

/** What checkout gets back about an order (never the whole row). */
export type CheckoutOrder = {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  currency: string;
  totalMinor: bigint;
  walletMinor: bigint;
  /** Left to pay through a gateway. */
  dueMinor: bigint;
  expiresAt: Date | null;
  paidAt: Date | null;
};

export const CHECKOUT_ORDER_SELECT = {
  id: true, kind: true, status: true, currency: true, totalMinor: true, walletMinor: true, expiresAt: true, paidAt: true,
} as const;

export function toCheckoutOrder(row: Omit<CheckoutOrder, "dueMinor">): CheckoutOrder {
  return { ...row, dueMinor: row.totalMinor - row.walletMinor };
}
