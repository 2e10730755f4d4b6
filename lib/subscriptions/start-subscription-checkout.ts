import { AppError } from "@/lib/errors";

// Placeholder until Stripe Billing checkout is built: recurring plans cannot be bought yet.
export type SubscriptionCheckoutOrder = {
  id: string;
  userId: string;
  currency: string;
  totalMinor: bigint;
  items: { planId: string; quantity: number }[];
};

export type SubscriptionCheckoutOptions = { returnUrl: string; cancelUrl: string; customerEmail?: string; idempotencyKey: string };

export async function startSubscriptionCheckout(
  order: SubscriptionCheckoutOrder,
  opts: SubscriptionCheckoutOptions,
): Promise<{ redirectUrl: string; providerPaymentId: string }> {
  void order;
  void opts;
  throw new AppError("GATEWAY_UNAVAILABLE", "Subscriptions cannot be bought yet.");
}
