import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { defaultGatewayResolver, type GatewayResolver } from "@/lib/payments/gateway-resolver";
import type { PaypalGateway } from "@/lib/payments/paypal/client";
import { fulfilOrder, type FulfilResult } from "./fulfil-order";
import { capturePaypalOrderSchema, type CapturePaypalOrderInput } from "./schemas";

export const paypalCaptureKey = (orderId: string, paypalOrderId: string) => `order-capture:${orderId}:${paypalOrderId}`;

/**
 * The PayPal buttons' onApprove: captures the approved PayPal order on the server (PayPal-Request-Id
 * per order, so a retried capture returns the first capture) and fulfils the order from PayPal's
 * answer. The webhook that follows finds the order already paid.
 */
export async function capturePayPalOrder(input: CapturePaypalOrderInput, resolveGateway: GatewayResolver = defaultGatewayResolver): Promise<FulfilResult> {
  const v = parseInput(capturePaypalOrderSchema, input);
  const order = await db.order.findUnique({ where: { id: v.orderId }, select: { userId: true, gateway: true, gatewayPaymentId: true, status: true } });
  if (!order || order.userId !== v.userId) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["NOT_FOUND"] } });
  if (order.gateway !== "paypal" || !order.gatewayPaymentId) throw new AppError("CONFLICT", "This order is not paid with PayPal.", { fields: { orderId: ["NOT_PAYPAL"] } });
  if (order.status !== "PENDING") return fulfilOrder(v.orderId, null);
  const paypal = (await resolveGateway("paypal")) as PaypalGateway;
  if (typeof paypal.capture !== "function") throw new AppError("INTERNAL", "The PayPal gateway cannot capture.");
  const snapshot = await paypal.capture(order.gatewayPaymentId, paypalCaptureKey(v.orderId, order.gatewayPaymentId));
  return fulfilOrder(v.orderId, snapshot);
}
