import { z } from "zod";
import { getStripeBillingClient, stripeCall } from "./stripe-billing-client";
import { orderIdOfInvoice, stripeInvoiceSchema, subscriptionIdOfInvoice } from "./stripe-objects";

const invoicePaymentsSchema = z.object({ data: z.array(z.object({ invoice: z.unknown() }).passthrough()) });

/**
 * The subscription a Stripe payment (a disputed or refunded charge's payment intent) paid an
 * invoice of, asked from Stripe: invoice payments by payment intent, with the invoice expanded.
 * Null when the payment belongs to no subscription invoice (a one-off Checkout payment).
 */
export async function findSubscriptionOfPayment(paymentIntentId: string): Promise<{ providerSubscriptionId: string; orderId: string | null } | null> {
  const stripe = await getStripeBillingClient();
  const list = await stripeCall(() =>
    stripe.invoicePayments.list({ payment: { type: "payment_intent", payment_intent: paymentIntentId }, expand: ["data.invoice"], limit: 1 }),
  );
  const first = invoicePaymentsSchema.parse(list).data[0];
  const invoice = stripeInvoiceSchema.safeParse(first?.invoice);
  if (!invoice.success) return null;
  const providerSubscriptionId = subscriptionIdOfInvoice(invoice.data);
  return providerSubscriptionId ? { providerSubscriptionId, orderId: orderIdOfInvoice(invoice.data) } : null;
}
