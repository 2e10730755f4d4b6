import { db } from "@/lib/db";

const OWNER_ORDER_SELECT = {
  id: true, status: true, currency: true, totalMinor: true, createdAt: true, paidAt: true,
  items: { select: { quantity: true, totalMinor: true, plan: { select: { name: true, product: { select: { name: true } } } } } },
} as const;

export async function listOrdersForOwner(userId: string) {
  return db.order.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: OWNER_ORDER_SELECT, take: 200 });
}

/** One order if and only if it belongs to the user; otherwise null. */
export async function getOrderForOwner(userId: string, orderId: string) {
  return db.order.findFirst({ where: { id: orderId, userId }, select: OWNER_ORDER_SELECT });
}

export async function countOrders(userId?: string, status?: "PAID"): Promise<number> {
  return db.order.count({ where: { ...(userId ? { userId } : {}), ...(status ? { status } : {}) } });
}
