import { db, type Tx } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { AuditActor } from "@/lib/audit/record-audit";
import { invalidateLicenses } from "@/lib/catalog/license-snapshots";
import { LICENSE_TX_OPTIONS } from "@/lib/licensing/locked-license";
import { billingStateChanged, foldBillingState, type BillingObservation, type BillingState } from "./billing-state";
import { syncSubscriptionLicenses } from "./sync-subscription-licenses";

export type SubscriptionRef = {
  provider: "stripe";
  providerSubscriptionId: string;
  /** the Keyfront order the subscription was bought with (from the provider's metadata), when known */
  orderId: string | null;
};

export type ApplyResult = "handled" | "ignored";

const SYSTEM: AuditActor = { type: "SYSTEM" };

/** A subscription first seen: created for its order's recurring plan. Null when the order is not ours. */
async function createFromOrder(tx: Tx, ref: SubscriptionRef): Promise<boolean> {
  if (!ref.orderId) return false;
  const order = await tx.order.findUnique({
    where: { id: ref.orderId },
    select: { id: true, userId: true, items: { orderBy: { id: "asc" }, select: { planId: true, plan: { select: { billingInterval: true } } } } },
  });
  const item = order?.items.find((i) => i.plan.billingInterval !== "ONE_TIME");
  if (!order || !item) return false;
  // two deliveries racing: one insert wins, both continue with the winner's row
  await tx.subscription.createMany({
    data: [{ id: newId("subscription"), userId: order.userId, provider: ref.provider, providerSubscriptionId: ref.providerSubscriptionId, orderId: order.id, planId: item.planId }],
    skipDuplicates: true,
  });
  return true;
}

async function lockSubscription(tx: Tx, ref: SubscriptionRef) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Subscription" WHERE provider = ${ref.provider} AND "providerSubscriptionId" = ${ref.providerSubscriptionId} FOR UPDATE`;
  return rows[0] ? tx.subscription.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

const stateOf = (s: BillingState): BillingState => ({
  status: s.status, currentPeriodEnd: s.currentPeriodEnd, cancelAtPeriodEnd: s.cancelAtPeriodEnd, paidThroughAt: s.paidThroughAt,
  paymentOverdueAt: s.paymentOverdueAt, overduePeriodEnd: s.overduePeriodEnd, revokedAt: s.revokedAt, revokedReason: s.revokedReason,
  endedAt: s.endedAt, stateAsOf: s.stateAsOf,
});

/**
 * Folds observations into the subscription under its row lock and projects the result onto its
 * licenses, in one transaction; caches are invalidated after commit. A subscription Keyfront
 * does not know (no row, and no order of ours in its metadata) is "ignored" with nothing written.
 * With no licenses yet (the event came before the order's fulfilment) the state is kept on the
 * row, and linking (linkOrderSubscription or the next event) applies it.
 */
export async function applyBillingObservations(
  ref: SubscriptionRef,
  observations: readonly BillingObservation[],
  cause: string,
  options: { actor?: AuditActor; inTx?: (tx: Tx, subscriptionId: string) => Promise<void> } = {},
): Promise<ApplyResult> {
  const result = await db.$transaction(async (tx) => {
    let sub = await lockSubscription(tx, ref);
    if (!sub) {
      if (!(await createFromOrder(tx, ref))) return null;
      sub = await lockSubscription(tx, ref);
      if (!sub) return null;
    }
    const before = stateOf(sub);
    const after = observations.reduce(foldBillingState, before);
    if (billingStateChanged(before, after)) await tx.subscription.update({ where: { id: sub.id }, data: after });
    await options.inTx?.(tx, sub.id);
    return syncSubscriptionLicenses(tx, { ...after, id: sub.id, orderId: sub.orderId, planId: sub.planId }, options.actor ?? SYSTEM, cause);
  }, LICENSE_TX_OPTIONS);
  if (!result) return "ignored";
  await invalidateLicenses(result);
  return "handled";
}
