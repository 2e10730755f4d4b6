import { db } from "@/lib/db";
import { applyBillingObservations } from "./apply-billing-observations";

/**
 * After an order's fulfilment has committed: links the licenses it issued to the order's
 * subscription and applies the state billing events already recorded (paid period, overdue
 * payment, revocation). Safe to call any number of times; a no-op for orders without one.
 */
export async function linkOrderSubscription(orderId: string): Promise<number> {
  const subscriptions = await db.subscription.findMany({ where: { orderId }, select: { provider: true, providerSubscriptionId: true } });
  for (const s of subscriptions) {
    if (s.provider !== "stripe") continue;
    await applyBillingObservations({ provider: "stripe", providerSubscriptionId: s.providerSubscriptionId, orderId }, [], "order.fulfilled");
  }
  return subscriptions.length;
}
