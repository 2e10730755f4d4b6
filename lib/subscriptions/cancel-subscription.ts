import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { applyBillingObservations } from "./apply-billing-observations";
import { isTerminal } from "./billing-state";
import { cancelSubscriptionSchema } from "./schemas";
import { getStripeBillingClient, stripeCall } from "./stripe-billing-client";
import { currentPeriodEndOf, fromUnix, stripeSubscriptionSchema, subscriptionStatusOf } from "./stripe-objects";

export type ActorContext = { ip?: string | null; requestId?: string | null };

/**
 * The customer stops renewal of their own subscription: Stripe is told to cancel at the end of the
 * paid period, and its answer is applied at once (the webhook that follows confirms it). The
 * licenses stay valid until the period end. Another customer's subscription answers NOT_FOUND.
 */
export async function cancelSubscription(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}) {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const { subscriptionId } = parseInput(cancelSubscriptionSchema, input);
  const sub = await db.subscription.findFirst({
    where: { id: subscriptionId, userId: viewer.id },
    select: { id: true, provider: true, providerSubscriptionId: true, orderId: true, status: true, cancelAtPeriodEnd: true },
  });
  if (!sub) throw new AppError("NOT_FOUND", "No such subscription.");
  if (isTerminal(sub.status)) throw new AppError("CONFLICT", "This subscription has already ended.");
  if (sub.cancelAtPeriodEnd) return { id: sub.id, cancelAtPeriodEnd: true };
  if (sub.provider !== "stripe") throw new AppError("BAD_REQUEST", "This subscription cannot be cancelled here.");

  const stripe = await getStripeBillingClient();
  const updated = stripeSubscriptionSchema.safeParse(await stripeCall(() => stripe.subscriptions.update(sub.providerSubscriptionId, { cancel_at_period_end: true })));
  const status = updated.success ? subscriptionStatusOf(updated.data.status) : null;
  if (!updated.success || !status) throw new AppError("UNAVAILABLE", "Stripe answered with an unexpected subscription");
  const observation = {
    kind: "subscription" as const, at: new Date(Math.floor(Date.now() / 1000) * 1000), status, currentPeriodEnd: currentPeriodEndOf(updated.data),
    cancelAtPeriodEnd: updated.data.cancel_at_period_end ?? false, endedAt: updated.data.ended_at != null ? fromUnix(updated.data.ended_at) : null,
  };
  const actor = { type: "USER" as const, id: viewer.id, ...ctx };
  await applyBillingObservations({ provider: "stripe", providerSubscriptionId: sub.providerSubscriptionId, orderId: sub.orderId }, [observation], "subscription.cancel_requested", {
    actor,
    inTx: (tx, id) => recordAudit(tx, actor, "subscription.cancel_requested", { type: "subscription", id }),
  });
  return { id: sub.id, cancelAtPeriodEnd: observation.cancelAtPeriodEnd };
}
