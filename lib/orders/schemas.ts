import { z } from "zod";
import { GATEWAY_IDS } from "@/lib/payments/gateway";
import { LOCALES } from "@/lib/i18n/locales";
import { cartSchema, orderIdField, userIdField } from "@/lib/checkout/schemas";

// Input of the order use cases; field errors are reason codes (see lib/checkout/schemas.ts).

export const idempotencyKeyField = z.string({ error: "REQUIRED" }).trim().min(8, "INVALID").max(200, "INVALID");

export const createOrderSchema = cartSchema.extend({
  userId: userIdField,
  quoteHash: z.string({ error: "REQUIRED" }).regex(/^[0-9a-f]{64}$/, "INVALID"),
  idempotencyKey: idempotencyKeyField,
  now: z.date().optional(),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

export const gatewayField = z.enum(GATEWAY_IDS, { error: "INVALID" });

export const startPaymentSchema = z.object({
  userId: userIdField,
  orderId: orderIdField,
  gateway: gatewayField,
  locale: z.enum(LOCALES as unknown as [string, ...string[]], { error: "INVALID" }),
});
export type StartPaymentInput = z.input<typeof startPaymentSchema>;

export const capturePaypalOrderSchema = z.object({ userId: userIdField, orderId: orderIdField });
export type CapturePaypalOrderInput = z.input<typeof capturePaypalOrderSchema>;

/** Order lifetime while waiting for a payment. */
export const PENDING_ORDER_TTL_MS = 30 * 60_000;
