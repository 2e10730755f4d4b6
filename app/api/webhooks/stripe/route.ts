import { handlePaymentWebhook } from "@/lib/payments/handle-payment-webhook";

// Signature-verified on the raw body; see lib/payments/handle-payment-webhook.ts.
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handlePaymentWebhook("stripe", request);
}
