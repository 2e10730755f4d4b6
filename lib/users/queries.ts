import { db } from "@/lib/db";
import { countActiveLicenses } from "@/lib/licensing/queries";
import { countOrders } from "@/lib/orders/queries";

export async function getAccountOverview(userId: string) {
  const [user, activeLicenses, orders] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { createdAt: true, name: true, locale: true } }),
    countActiveLicenses(userId),
    countOrders(userId),
  ]);
  return { ...user, activeLicenses, orders };
}

export async function getProfile(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, locale: true } });
}

const PAGE_SIZE = 25;

/** Users for the admin list: search by email or name, newest first. Never selects secrets. */
export async function listUsers({ query = "", page = 1 }: { query?: string; page?: number }) {
  const q = query.trim().slice(0, 100);
  const where = q ? { OR: [{ email: { contains: q, mode: "insensitive" as const } }, { name: { contains: q, mode: "insensitive" as const } }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where, orderBy: { createdAt: "desc" }, skip: (Math.max(1, page) - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, emailVerifiedAt: true, suspendedAt: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { rows, total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function countCustomers(): Promise<number> {
  return db.user.count({ where: { role: "CUSTOMER" } });
}
