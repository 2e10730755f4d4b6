import { z } from "zod";
import type { DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/http/parse-input";
import { currentPeriod, resolveResetPeriod } from "./reset-period";

// Redeeming a promo code for an order, race-free, inside the checkout's transaction. In order:
//   1. the order row is locked (FOR NO KEY UPDATE): redemptions and releases of one order queue,
//      so a replay finds the first redemption (PromoRedemption is also unique on orderId);
//   2. first-purchase-only: no earlier paid order, and at most one redemption per customer;
//   3. the per-customer cap is counted under a transaction-scoped advisory lock on
//      (code, customer), so one customer's parallel checkouts are counted one after another
//      while other customers are not held up;
//   4. a periodic code whose period is over gets its counter reset by a conditional UPDATE
//      (only the first transaction of the new period matches it);
//   5. the global cap is one conditional UPDATE (redemptionCount < maxRedemptions): PostgreSQL
//      re-checks the condition on the newest row version, so N slots give exactly N redemptions.
// Called with a transaction client it runs in a savepoint: a refusal leaves nothing behind.

const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;
const OPEN_OR_PAID: readonly string[] = ["PENDING", "PAID"];
const RELEASABLE: readonly string[] = ["PENDING", "FAILED", "EXPIRED"];
const PAID_STATUSES = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED"] as const;

const promoCodeIdField = z.string().regex(/^prm_[0-9A-Z]{26}$/, "Not a valid promo code id.");
const userIdField = z.string().regex(/^usr_[0-9A-Z]{26}$/, "Not a valid user id.");
const orderIdField = z.string().regex(/^ord_[0-9A-Z]{26}$/, "Not a valid order id.");

export const redeemPromoSchema = z.object({
  promoCodeId: promoCodeIdField,
  userId: userIdField,
  orderId: orderIdField,
  now: z.date().optional(),
});
export const releasePromoSchema = z.object({ orderId: orderIdField });

export type RedeemPromoInput = z.input<typeof redeemPromoSchema>;
export type PromoRedemptionView = { id: string; promoCodeId: string; userId: string; orderId: string; createdAt: Date };
export type RedeemPromoResult = { redemption: PromoRedemptionView; replayed: boolean };

const REDEMPTION_SELECT = { id: true, promoCodeId: true, userId: true, orderId: true, createdAt: true } as const;

function inTransaction<T>(client: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // A fresh options object per call: Prisma writes the parent's id into it for nested transactions.
  return (client as Tx).$transaction(fn, { ...TX_OPTIONS });
}

/** A refusal the checkout shows next to the promo code field. */
function refused(message: string): AppError {
  return new AppError("CONFLICT", message, { fields: { promoCode: [message] } });
}

type LockedOrder = { userId: string; status: string; promoCodeId: string | null };

async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "userId", "status"::text AS "status", "promoCodeId" FROM "Order" WHERE "id" = ${orderId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

async function lockCustomerOfCode(tx: Tx, promoCodeId: string, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`promo-redemption:${promoCodeId}:${userId}`}, 0))`;
}

/**
 * Records that an order uses a promo code, enforcing the code's window, first-purchase rule,
 * per-customer cap and global cap under concurrency. Redeeming the same order again returns the
 * original redemption. Refusals are CONFLICT errors with a message for the `promoCode` field.
 */
export async function redeemPromoCode(client: DbOrTx, input: RedeemPromoInput): Promise<RedeemPromoResult> {
  const { promoCodeId, userId, orderId, now = new Date() } = parseInput(redeemPromoSchema, input);
  return inTransaction(client, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.userId !== userId) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["Order not found."] } });

    const existing = await tx.promoRedemption.findUnique({ where: { orderId }, select: REDEMPTION_SELECT });
    if (existing) {
      if (existing.promoCodeId !== promoCodeId) throw refused("This order already uses another promo code.");
      return { redemption: existing, replayed: true };
    }
    if (!OPEN_OR_PAID.includes(order.status)) throw refused("This order can no longer take a promo code.");
    if (order.promoCodeId && order.promoCodeId !== promoCodeId) throw refused("This order was priced with another promo code.");

    const promo = await tx.promoCode.findUnique({ where: { id: promoCodeId } });
    if (!promo) throw new AppError("NOT_FOUND", "Promo code not found.", { fields: { promoCode: ["This code does not exist."] } });
    if (!promo.active || (promo.startsAt && now < promo.startsAt) || (promo.endsAt && now >= promo.endsAt)) {
      throw refused("This code is not valid at the moment.");
    }

    if (promo.firstPurchaseOnly) {
      const paidBefore = await tx.order.count({ where: { userId, id: { not: orderId }, OR: [{ paidAt: { not: null } }, { status: { in: [...PAID_STATUSES] } }] } });
      if (paidBefore > 0) throw refused("This code is only for a first purchase.");
    }

    if (promo.perCustomerLimit !== null || promo.firstPurchaseOnly) {
      await lockCustomerOfCode(tx, promoCodeId, userId);
      // For periodic codes the per-customer cap counts within the current period.
      const period = promo.resetPeriod === "NONE" ? null : currentPeriod(promo.resetPeriod, now);
      const used = await tx.promoRedemption.count({ where: { promoCodeId, userId, ...(period ? { createdAt: { gte: period.start } } : {}) } });
      if (promo.perCustomerLimit !== null && used >= promo.perCustomerLimit) throw refused("You have already used this code as often as it allows.");
      if (promo.firstPurchaseOnly && used > 0) throw refused("This code is only for a first purchase.");
    }

    const reset = resolveResetPeriod({ resetPeriod: promo.resetPeriod, periodStartedAt: promo.periodStartedAt, now });
    if (reset.due) {
      const start = reset.periodStart!;
      await tx.promoCode.updateMany({
        where: { id: promoCodeId, OR: [{ periodStartedAt: null }, { periodStartedAt: { lt: start } }] },
        data: { redemptionCount: 0, periodStartedAt: start },
      });
    }

    const counted = await tx.$queryRaw<{ redemptionCount: number }[]>`
      UPDATE "PromoCode" SET "redemptionCount" = "redemptionCount" + 1, "updatedAt" = ${now}
      WHERE "id" = ${promoCodeId} AND ("maxRedemptions" IS NULL OR "redemptionCount" < "maxRedemptions")
      RETURNING "redemptionCount"`;
    if (!counted[0]) throw refused("This code has been fully redeemed.");

    const redemption = await tx.promoRedemption.create({
      data: { id: newId("redemption", now.getTime()), promoCodeId, userId, orderId, createdAt: now },
      select: REDEMPTION_SELECT,
    });
    return { redemption, replayed: false };
  });
}

/**
 * Gives a failed or expired order's promo redemption back: deletes it and, if it was counted in
 * the code's current period, frees its slot. Idempotent: an order without a redemption is a no-op.
 * A paid order keeps its redemption (refunds do not return a code's use).
 */
export async function releasePromoRedemption(client: DbOrTx, input: { orderId: string }): Promise<{ released: boolean }> {
  const { orderId } = parseInput(releasePromoSchema, input);
  return inTransaction(client, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["Order not found."] } });
    const redemption = await tx.promoRedemption.findUnique({ where: { orderId }, select: REDEMPTION_SELECT });
    if (!redemption) return { released: false };
    if (!RELEASABLE.includes(order.status)) throw new AppError("CONFLICT", "A paid order keeps its promo code.");

    await tx.promoRedemption.delete({ where: { id: redemption.id } });
    await tx.promoCode.updateMany({
      where: {
        id: redemption.promoCodeId,
        redemptionCount: { gt: 0 },
        OR: [{ resetPeriod: "NONE" }, { periodStartedAt: null }, { periodStartedAt: { lte: redemption.createdAt } }],
      },
      data: { redemptionCount: { decrement: 1 } },
    });
    return { released: true };
  });
}
