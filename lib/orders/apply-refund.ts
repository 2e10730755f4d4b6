import type { Tx } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { bumpLicenseVersion } from "@/lib/licensing/locked-license";
import { refundToWallet } from "@/lib/wallet/refund-to-wallet";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { splitRefund } from "./refund-split";
import type { LockedOrder } from "./lock-order";

// Books one refund of a locked, paid order: the wallet part as a ledger entry, the new refunded
// total and status (compare-and-set on the old total), the refund row (unique key: once), the
// audit entry, and on a full refund the revocation of the order's licenses. The gateway part was
// already sent back by the caller. Call `invalidateLicenses` (lib/catalog/license-snapshots) with `revoked` after commit.

export type RefundBooking = {
  amountMinor: bigint;
  gatewayMinor: bigint;
  walletMinor: bigint;
  providerRefundId: string | null;
  source: "ADMIN" | "PROVIDER";
  reason: string | null;
  idempotencyKey: string;
};

export type BookedRefund = { refundId: string; status: OrderStatus; refundedMinor: bigint; revoked: { keyHash: string; version: number }[] };

export async function planRefund(tx: Tx, order: LockedOrder, amountMinor: bigint) {
  const lines = await tx.orderItem.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" }, select: { totalMinor: true } });
  return splitRefund({ status: order.status, totalMinor: order.totalMinor, refundedMinor: order.refundedMinor, amountMinor, lines });
}

export async function applyRefund(tx: Tx, order: LockedOrder, booking: RefundBooking, actor: AuditActor): Promise<BookedRefund> {
  const plan = await planRefund(tx, order, booking.amountMinor);
  const refundId = newId("refund");
  if (booking.walletMinor > 0n) {
    await refundToWallet(tx, { userId: order.userId, currency: order.currency, amountMinor: booking.walletMinor, orderId: order.id, idempotencyKey: `order-refund:${booking.idempotencyKey}` });
  }
  const updated = await tx.order.updateMany({
    where: { id: order.id, refundedMinor: order.refundedMinor, status: order.status },
    data: { refundedMinor: plan.refundedMinor, status: plan.status },
  });
  if (updated.count !== 1) throw new Error("order changed under its lock");
  await tx.orderRefund.create({
    data: {
      id: refundId, orderId: order.id, amountMinor: booking.amountMinor, gatewayMinor: booking.gatewayMinor, walletMinor: booking.walletMinor,
      providerRefundId: booking.providerRefundId, source: booking.source, reason: booking.reason, actorId: actor.type === "USER" ? (actor.id ?? null) : null,
      idempotencyKey: booking.idempotencyKey,
    },
  });

  const revoked: BookedRefund["revoked"] = [];
  if (plan.status === "REFUNDED") {
    const licenses = await tx.license.findMany({ where: { orderItem: { orderId: order.id }, status: { not: "REVOKED" } }, select: { id: true, keyHash: true } });
    for (const license of licenses) {
      await tx.license.update({ where: { id: license.id }, data: { status: "REVOKED", suspendedReason: "refunded" } });
      revoked.push({ keyHash: license.keyHash, version: await bumpLicenseVersion(tx, license.id) });
      await recordAudit(tx, actor, "license.revoked", { type: "license", id: license.id }, { reason: "order_refunded", orderId: order.id });
    }
  }
  await recordAudit(tx, actor, "order.refunded", { type: "order", id: order.id }, {
    refundId, amountMinor: booking.amountMinor.toString(), gatewayMinor: booking.gatewayMinor.toString(), walletMinor: booking.walletMinor.toString(),
    currency: order.currency, source: booking.source, reason: booking.reason, status: plan.status,
  });
  return { refundId, status: plan.status, refundedMinor: plan.refundedMinor, revoked };
}

