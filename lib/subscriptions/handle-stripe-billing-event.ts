import type Stripe from "stripe";

// Placeholder until the Stripe Billing lifecycle is built: billing events are acknowledged unhandled.
export async function handleStripeBillingEvent(event: Stripe.Event): Promise<"handled" | "ignored"> {
  void event;
  return "ignored";
}
