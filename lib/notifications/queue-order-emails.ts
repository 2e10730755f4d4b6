import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { enqueueEmail } from "./enqueue-email";
import { renderLicenseDelivered } from "./render-license-delivered";
import { renderOrderReceipt } from "./render-order-receipt";

/** The idempotency keys of an order's emails: one receipt and one license delivery per order. */
export const orderEmailKeys = (orderId: string) => ({
  receipt: `order-receipt:${orderId}`,
  licenses: `license-delivered:${orderId}`,
});

/**
 * Queues the receipt and the license delivery of a paid order inside the fulfilment transaction
 * (after the licenses were issued in it). Each is keyed by the order id, so a replayed webhook or
 * a second fulfilment attempt never queues a second email. Call `deliverSoon()` after commit.
 */
export async function queueOrderEmails(tx: Tx, orderId: string): Promise<{ receiptId: string; licensesId: string | null }> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, status: true, currency: true, subtotalMinor: true, discountMinor: true, taxMinor: true, walletMinor: true,
      totalMinor: true, paidAt: true, createdAt: true,
      user: { select: { email: true, name: true, locale: true } },
      items: {
        orderBy: { id: "asc" },
        select: {
          quantity: true, unitPriceMinor: true, totalMinor: true,
          plan: { select: { name: true, product: { select: { name: true } } } },
          licenses: { orderBy: { id: "asc" }, select: { id: true, keyCiphertext: true, seats: true, expiresAt: true } },
        },
      },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "No such order.");
  if (order.status !== "PAID") throw new AppError("CONFLICT", "Only a paid order has a receipt.");
  const recipient = { to: order.user.email, locale: order.user.locale, name: order.user.name };
  const keys = orderEmailKeys(order.id);

  const receipt = await renderOrderReceipt({
    ...recipient,
    orderId: order.id, date: order.paidAt ?? order.createdAt, currency: order.currency,
    lines: order.items.map((i) => ({ productName: i.plan.product.name, planName: i.plan.name, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor, totalMinor: i.totalMinor })),
    subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor, taxMinor: order.taxMinor,
    totalMinor: order.totalMinor, walletMinor: order.walletMinor,
  });
  const { id: receiptId } = await enqueueEmail(tx, receipt, { idempotencyKey: keys.receipt });

  const licenses = order.items.flatMap((i) => i.licenses.map((l) => ({
    productName: i.plan.product.name, planName: i.plan.name, seats: l.seats, expiresAt: l.expiresAt,
    key: decryptSecret(l.keyCiphertext, l.id),
  })));
  if (licenses.length === 0) return { receiptId, licensesId: null };
  const delivery = await renderLicenseDelivered({ ...recipient, licenses });
  const { id: licensesId } = await enqueueEmail(tx, delivery, { idempotencyKey: keys.licenses });
  return { receiptId, licensesId };
}
