import { z } from "zod";
import { db } from "@/lib/db";
import { STAFF_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { ORDER_STATUSES } from "./order-status";

export { ORDER_STATUSES };

// Staff reads of orders (admins and support), for the admin order list and detail pages.

const PAGE_SIZE = 25;
const ORDER_ID = /^ord_[0-9A-Z]{26}$/;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The list's filters from the query string; anything malformed is dropped, not an error. */
export const orderFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(ORDER_STATUSES).optional().catch(undefined)),
  email: z.preprocess(blankToUndefined, z.string().trim().max(200).optional().catch(undefined)),
  orderId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional().catch(undefined)),
  cursor: z.preprocess(blankToUndefined, z.string().regex(ORDER_ID).optional().catch(undefined)),
});
export type OrderFilter = z.output<typeof orderFilterSchema>;

/**
 * Orders newest first, filtered by status, customer email (part of it) and order id (in full or
 * its start), a page at a time. The cursor is the last order id of the previous page (ids sort by
 * creation time).
 */
export async function listOrdersForAdmin(viewer: Viewer | null, input: unknown) {
  assertRole(viewer, STAFF_ROLES);
  const filter = orderFilterSchema.parse(input ?? {});
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.email ? { user: { email: { contains: filter.email, mode: "insensitive" as const } } } : {}),
    ...(filter.orderId ? { id: { startsWith: filter.orderId.startsWith("ord_") ? filter.orderId : `ord_${filter.orderId}`, ...(filter.cursor ? { lt: filter.cursor } : {}) } } : filter.cursor ? { id: { lt: filter.cursor } } : {}),
  };
  const rows = await db.order.findMany({
    where,
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true, status: true, currency: true, totalMinor: true, refundedMinor: true, createdAt: true, gateway: true,
      user: { select: { id: true, email: true } },
      _count: { select: { items: true } },
    },
  });
  const items = rows.slice(0, PAGE_SIZE);
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null, filter };
}

const minor = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).transform((v) => BigInt(v));
const snapshotTotals = z.object({
  totals: z.object({
    subtotalMinor: minor, volumeDiscountMinor: minor, promoDiscountMinor: minor, discountMinor: minor,
    taxMinor: minor, totalMinor: minor, walletMinor: minor, dueMinor: minor,
  }),
  promo: z.object({ code: z.string() }).nullable().optional(),
  taxRateBp: z.number().int().optional(),
});

/** One order with everything its admin page shows, or null. */
export async function getOrderForAdmin(viewer: Viewer | null, orderId: string) {
  assertRole(viewer, STAFF_ROLES);
  if (!ORDER_ID.test(orderId)) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, kind: true, status: true, currency: true, subtotalMinor: true, discountMinor: true, taxMinor: true, walletMinor: true,
      totalMinor: true, refundedMinor: true, quote: true, gateway: true, gatewayPaymentId: true, paidAt: true, expiresAt: true,
      createdAt: true, updatedAt: true,
      user: { select: { id: true, email: true, name: true } },
      promoCode: { select: { id: true, code: true, kind: true, percentBp: true } },
      redemption: { select: { createdAt: true } },
      items: {
        orderBy: { id: "asc" },
        select: {
          id: true, quantity: true, unitPriceMinor: true, discountMinor: true, totalMinor: true,
          plan: { select: { name: true, product: { select: { id: true, name: true } } } },
          licenses: { orderBy: { createdAt: "asc" }, select: { id: true, keyHint: true, status: true, seats: true, expiresAt: true } },
        },
      },
      walletEntries: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, amountMinor: true, currency: true, createdAt: true } },
      refunds: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, createdAt: true, amountMinor: true, gatewayMinor: true, walletMinor: true, providerRefundId: true, source: true, reason: true, actorId: true },
      },
    },
  });
  if (!order) return null;
  const snapshot = snapshotTotals.safeParse(order.quote);
  const actorIds = [...new Set(order.refunds.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const { quote: _quote, refunds, ...rest } = order;
  const refundableMinor = order.totalMinor - order.refundedMinor;
  return {
    ...rest,
    snapshot: snapshot.success ? snapshot.data : null,
    /** Each refund with the staff member who made it (null for one the provider reported). */
    refunds: refunds.map(({ actorId, ...r }) => ({ ...r, actor: actorId ? (actorById.get(actorId) ?? null) : null })),
    /** What an admin may still refund; 0 when the order is not a paid purchase. */
    refundableMinor: order.kind === "PURCHASE" && (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED") && refundableMinor > 0n ? refundableMinor : 0n,
    licenses: order.items.flatMap((i) => i.licenses.map((l) => ({ ...l, product: i.plan.product.name, plan: i.plan.name }))),
  };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getOrderForAdmin>>>;
