import { db } from "@/lib/db";
import { isTerminal } from "./billing-state";

/** The customer's own subscriptions for the portal, newest first (a DTO: no provider ids). */
export async function listSubscriptionsForOwner(userId: string) {
  const rows = await db.subscription.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, paidThroughAt: true, endedAt: true,
      plan: { select: { name: true, billingInterval: true, product: { select: { name: true } } } },
      _count: { select: { licenses: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    productName: r.plan.product.name,
    planName: r.plan.name,
    licenses: r._count.licenses,
    // renewal continues unless cancelled or ended; the paid period is what the licenses run to
    renewsAt: !isTerminal(r.status) && !r.cancelAtPeriodEnd ? r.currentPeriodEnd : null,
    endsAt: isTerminal(r.status) || r.cancelAtPeriodEnd ? (r.paidThroughAt ?? r.currentPeriodEnd) : null,
    cancellable: !isTerminal(r.status) && !r.cancelAtPeriodEnd,
  }));
}

export type OwnSubscription = Awaited<ReturnType<typeof listSubscriptionsForOwner>>[number];
