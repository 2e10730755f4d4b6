import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { getStripeBillingClient, stripeCall } from "./stripe-billing-client";

const orderSchema = z.object({
  id: z.string().regex(/^ord_[0-9A-Z]{26}$/),
  userId: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  totalMinor: z.bigint().positive().max(BigInt(Number.MAX_SAFE_INTEGER)),
  items: z.array(z.object({ planId: z.string().min(1), quantity: z.number().int().positive().max(10_000) })).length(1, "one subscription plan per order"),
});

const optionsSchema = z.object({
  returnUrl: z.string().url(),
  cancelUrl: z.string().url(),
  customerEmail: z.string().email().optional(),
  idempotencyKey: z.string().min(1).max(255),
});

export type SubscriptionCheckoutOrder = z.input<typeof orderSchema>;
export type SubscriptionCheckoutOptions = z.input<typeof optionsSchema>;

const INTERVAL = { MONTH: "month", YEAR: "year" } as const;

/**
 * A Stripe Checkout Session in subscription mode for the order's recurring plan: a recurring
 * price of the order's total per period, quantity = seats (one unit at the total when the total
 * does not split evenly into seats). The order id rides in the session's and the subscription's
 * metadata, so every later billing event names the order it belongs to.
 */
export async function startSubscriptionCheckout(order: SubscriptionCheckoutOrder, opts: SubscriptionCheckoutOptions): Promise<{ redirectUrl: string; providerPaymentId: string }> {
  const o = parseInput(orderSchema, order);
  const options = parseInput(optionsSchema, opts);
  const item = o.items[0]!;
  const plan = await db.plan.findUnique({ where: { id: item.planId }, select: { id: true, name: true, billingInterval: true, product: { select: { name: true } } } });
  if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
  if (plan.billingInterval === "ONE_TIME") throw new AppError("BAD_REQUEST", "This plan is not a subscription.");
  const interval = INTERVAL[plan.billingInterval];
  const seats = BigInt(item.quantity);
  const even = o.totalMinor % seats === 0n;
  const metadata = { orderId: o.id, planId: plan.id, seats: String(item.quantity) };
  const stripe = await getStripeBillingClient();
  const session = await stripeCall(() =>
    stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{
          quantity: even ? item.quantity : 1,
          price_data: {
            currency: o.currency.toLowerCase(),
            unit_amount: Number(even ? o.totalMinor / seats : o.totalMinor),
            recurring: { interval },
            product_data: { name: even ? `${plan.product.name} — ${plan.name}` : `${plan.product.name} — ${plan.name} × ${item.quantity}` },
          },
        }],
        success_url: options.returnUrl,
        cancel_url: options.cancelUrl,
        client_reference_id: o.id,
        customer_email: options.customerEmail,
        metadata,
        subscription_data: { metadata },
      },
      { idempotencyKey: options.idempotencyKey },
    ),
  );
  if (!session.url) throw new AppError("UNAVAILABLE", "Stripe returned no checkout page");
  return { redirectUrl: session.url, providerPaymentId: session.id };
}
