import { getEnv } from "@/lib/env";
import type { GatewayId } from "@/lib/payments/gateway";

// Where a provider sends the customer back and posts its webhooks. The return page only reads the
// order's state; the webhook is what pays it.
export function paymentUrls(orderId: string, gateway: GatewayId, locale: string, appUrl = getEnv().APP_URL) {
  const at = (path: string) => new URL(path, appUrl).toString();
  return {
    returnUrl: at(`/${locale}/checkout/complete?order=${encodeURIComponent(orderId)}`),
    cancelUrl: at(`/${locale}/checkout?order=${encodeURIComponent(orderId)}&canceled=1`),
    webhookUrl: at(`/api/webhooks/${gateway}`),
  };
}
