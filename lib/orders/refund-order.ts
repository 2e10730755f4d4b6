import { invalidateLicenses } from "@/lib/catalog/license-snapshots";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { assertRole, ADMIN_ROLES, type Viewer } from "@/lib/auth/roles";
import { GATEWAY_IDS, type GatewayId } from "@/lib/payments/gateway";
import { defaultGatewayResolver, type GatewayResolver } from "@/lib/payments/gateway-resolver";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { orderIdField } from "@/lib/checkout/schemas";
import { applyRefund, planRefund } from "./apply-refund";
import { lockOrder } from "./lock-order";
import { idempotencyKeyField } from "./schemas";

// An admin refunds (part of) a paid order. The part paid through a gateway that can refund goes
// back through it (its idempotency key is this refund's, so a retry after a lost answer finds the
// first refund); the part paid from the wallet, and everything paid through a gateway that cannot
// refund (crypto), goes to the wallet. The provider call runs under the order's row lock: refunds of
// one order queue, and a failed provider call leaves nothing written.

const REFUND_TX_OPTIONS = { maxWait: 30_000, timeout: 90_000 } as const;

/** The OrderRefund key an admin refund is stored under (the form looks replays up by it). */
export const adminRefundKey = (idempotencyKey: string) => `admin:${idempotencyKey}`;

export const refundOrderSchema = z.object({
  orderId: orderIdField,
  /** Minor units; omitted = everything still refundable. */
  amountMinor: z.union([z.bigint(), z.number().int("INVALID"), z.string().regex(/^\d{1,16}$/, "INVALID")], { error: "INVALID" }).transform((v) => BigInt(v)).optional(),
  reason: z.string({ error: "REQUIRED" }).trim().min(3, "REQUIRED").max(500, "TOO_LONG"),
  idempotencyKey: idempotencyKeyField,
  /** False: a refund that would empty the order (and revoke its licenses) is refused, checked under the order's lock. */
  allowFull: z.boolean().default(true),
});
export type RefundOrderInput = z.input<typeof refundOrderSchema>;
export type RefundOrderResult = { refundId: string; status: OrderStatus; refundedMinor: bigint; gatewayMinor: bigint; walletMinor: bigint; replayed: boolean };

export async function refundOrder(
  viewer: Viewer | null,
  input: RefundOrderInput,
  context: { ip?: string | null; requestId?: string | null } = {},
  resolveGateway: GatewayResolver = defaultGatewayResolver,
): Promise<RefundOrderResult> {
  assertRole(viewer, ADMIN_ROLES);
  const v = parseInput(refundOrderSchema, input);
  const actor = { type: "USER" as const, id: viewer.id, ip: context.ip ?? null, requestId: context.requestId ?? null };
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, v.orderId);
    if (!order) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["NOT_FOUND"] } });
    const previous = await tx.orderRefund.findUnique({ where: { idempotencyKey: adminRefundKey(v.idempotencyKey) } });
    if (previous) {
      if (previous.orderId !== order.id) throw new AppError("CONFLICT", "This refund key was used for another order.", { fields: { idempotencyKey: ["CONFLICT"] } });
      return { refundId: previous.id, status: order.status, refundedMinor: order.refundedMinor, gatewayMinor: previous.gatewayMinor, walletMinor: previous.walletMinor, replayed: true, revoked: [] };
    }
    if (order.kind !== "PURCHASE") throw new AppError("CONFLICT", "A wallet top-up cannot be refunded; adjust the wallet instead.", { fields: { orderId: ["TOP_UP"] } });
    const amountMinor = v.amountMinor ?? order.totalMinor - order.refundedMinor;
    await planRefund(tx, order, amountMinor); // bad amount or status → nothing is sent anywhere
    if (!v.allowFull && amountMinor === order.totalMinor - order.refundedMinor) {
      throw new AppError("VALIDATION_FAILED", "Confirm the full refund: it revokes the order's licenses.", { fields: { confirmFull: ["REQUIRED"] } });
    }

    const sums = await tx.orderRefund.aggregate({ where: { orderId: order.id }, _sum: { gatewayMinor: true } });
    const gatewayLeft = order.totalMinor - order.walletMinor - (sums._sum.gatewayMinor ?? 0n);
    const gatewayId = GATEWAY_IDS.includes(order.gateway as GatewayId) ? (order.gateway as GatewayId) : null;
    const gateway = gatewayId && order.gatewayPaymentId && gatewayLeft > 0n ? await resolveGateway(gatewayId) : null;
    const gatewayMinor = gateway?.supportsRefund ? (amountMinor < gatewayLeft ? amountMinor : gatewayLeft) : 0n;
    let providerRefundId: string | null = null;
    if (gateway && gatewayMinor > 0n) {
      const refund = await gateway.refund(order.gatewayPaymentId!, { amountMinor: gatewayMinor, currency: order.currency }, `refund:${order.id}:${v.idempotencyKey}`);
      if (refund.status === "failed") throw new AppError("UNAVAILABLE", "The payment provider refused the refund.");
      providerRefundId = refund.providerRefundId;
    }
    const booked = await applyRefund(tx, order, {
      amountMinor, gatewayMinor, walletMinor: amountMinor - gatewayMinor, providerRefundId, source: "ADMIN", reason: v.reason,
      idempotencyKey: adminRefundKey(v.idempotencyKey),
    }, actor);
    return { ...booked, gatewayMinor, walletMinor: amountMinor - gatewayMinor, replayed: false };
  }, REFUND_TX_OPTIONS);
  await invalidateLicenses(result.revoked);
  return { refundId: result.refundId, status: result.status, refundedMinor: result.refundedMinor, gatewayMinor: result.gatewayMinor, walletMinor: result.walletMinor, replayed: result.replayed };
}
