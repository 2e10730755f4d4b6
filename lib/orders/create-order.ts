import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/http/parse-input";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { hashSnapshot } from "@/lib/pricing/quote-snapshot";
import { redeemPromoCode } from "@/lib/promo/redeem-promo";
import { debitWallet } from "@/lib/wallet/debit-wallet";
import { quoteCart, type CartQuote } from "@/lib/checkout/quote-cart";
import { QuoteChangedError } from "@/lib/checkout/quote-changed-error";
import { afterFulfilment } from "./fulfil-order";
import { fulfilLockedOrder } from "./fulfil-locked-order";
import { lockOrder, ORDER_TX_OPTIONS } from "./lock-order";
import { walletHoldKey } from "./order-holds";
import { CHECKOUT_ORDER_SELECT, toCheckoutOrder, type CheckoutOrder } from "./order-view";
import { createOrderSchema, PENDING_ORDER_TTL_MS, type CreateOrderInput } from "./schemas";

// Checkout: the customer confirms the quote they saw (its hash). The server prices the cart again;
// a different hash means prices, tiers, promo or wallet changed and the customer must confirm the
// new quote. Then, in one transaction: the order with its lines and the quote snapshot, the promo
// redemption (race-free, so N slots give N orders), and the wallet part debited under the order's
// key (so two orders can never spend the same balance). Nothing is left to pay → paid at once.

export type CreateOrderResult = { order: CheckoutOrder; replayed: boolean };

async function existingOrder(userId: string, idempotencyKey: string, quoteHash: string): Promise<CheckoutOrder | null> {
  const row = await db.order.findUnique({ where: { idempotencyKey }, select: { ...CHECKOUT_ORDER_SELECT, userId: true, quote: true } });
  if (!row) return null;
  // The key is the customer's own; another customer's (or another cart's) key is a conflict, never a leak.
  if (row.userId !== userId || hashSnapshot(row.quote) !== quoteHash) {
    throw new AppError("CONFLICT", "This checkout was already used for another order.", { fields: { idempotencyKey: ["CONFLICT"] } });
  }
  return toCheckoutOrder(row);
}

async function insertOrder(tx: Tx, userId: string, idempotencyKey: string, quoted: CartQuote, now: Date): Promise<string> {
  const { quote } = quoted;
  const orderId = newId("order", now.getTime());
  await tx.order.create({
    data: {
      id: orderId, userId, kind: "PURCHASE", status: "PENDING", currency: quote.currency,
      subtotalMinor: quote.totals.subtotalMinor, discountMinor: quote.totals.discountMinor, taxMinor: quote.totals.taxMinor,
      walletMinor: quote.totals.walletMinor, totalMinor: quote.totals.totalMinor,
      quote: quoted.snapshot as unknown as InputJsonValue, promoCodeId: quoted.promoCodeId, idempotencyKey,
      expiresAt: new Date(now.getTime() + PENDING_ORDER_TTL_MS), createdAt: now,
      items: {
        create: quote.lines.map((l) => ({
          id: newId("orderItem", now.getTime()), planId: l.planId, quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor, discountMinor: l.discountMinor, totalMinor: l.totalMinor,
        })),
      },
    },
  });
  if (quoted.promoCodeId) await redeemPromoCode(tx, { promoCodeId: quoted.promoCodeId, userId, orderId, now });
  if (quote.totals.walletMinor > 0n) {
    await debitWallet(tx, { userId, currency: quote.currency, amountMinor: quote.totals.walletMinor, idempotencyKey: walletHoldKey(orderId), orderId, reason: "Order payment" });
  }
  return orderId;
}

function isUniqueViolation(err: unknown, field: string): boolean {
  const e = err as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } } | null;
  if (e?.code !== "P2002") return false;
  const target = JSON.stringify(e.meta ?? {});
  return target.includes(field);
}

/**
 * Creates the order for a confirmed quote. The same idempotency key returns the same order
 * (also when two submits race). Throws QuoteChangedError (code QUOTE_CHANGED, with the new
 * quote) when the quote changed, VALIDATION_FAILED for a bad cart, CONFLICT when the promo code
 * ran out or the wallet balance is no longer enough; nothing is written then.
 */
export async function createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
  const v = parseInput(createOrderSchema, input);
  const now = v.now ?? new Date();
  const replay = await existingOrder(v.userId, v.idempotencyKey, v.quoteHash);
  if (replay) return { order: replay, replayed: true };

  const user = await db.user.findUnique({ where: { id: v.userId }, select: { suspendedAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { userId: ["NOT_FOUND"] } });
  if (user.suspendedAt) throw new AppError("FORBIDDEN", "This account cannot place orders.");

  const quoted = await quoteCart({ userId: v.userId, currency: v.currency, lines: v.lines, promoCode: v.promoCode, useWallet: v.useWallet, now });
  if (quoted.quoteHash !== v.quoteHash) throw new QuoteChangedError(quoted);

  let created: { orderId: string; keyHashes: string[]; fulfilled: boolean };
  try {
    created = await db.$transaction(async (tx) => {
      const orderId = await insertOrder(tx, v.userId, v.idempotencyKey, quoted, now);
      if (quoted.quote.totals.dueMinor > 0n) return { orderId, keyHashes: [], fulfilled: false };
      // Paid in full by the wallet or a 100 % promo: fulfilled in the same transaction.
      const order = await lockOrder(tx, orderId);
      const done = await fulfilLockedOrder(tx, order!, null, now);
      if (done.outcome !== "fulfilled") throw new AppError("INTERNAL", `A fully paid order could not be fulfilled: ${done.detail ?? done.outcome}`);
      return { orderId, keyHashes: done.keyHashes, fulfilled: true };
    }, ORDER_TX_OPTIONS);
  } catch (err) {
    if (isUniqueViolation(err, "idempotencyKey")) {
      const raced = await existingOrder(v.userId, v.idempotencyKey, v.quoteHash);
      if (raced) return { order: raced, replayed: true };
    }
    throw err;
  }
  if (created.fulfilled) await afterFulfilment(created.keyHashes, true);
  const row = await db.order.findUniqueOrThrow({ where: { id: created.orderId }, select: CHECKOUT_ORDER_SELECT });
  return { order: toCheckoutOrder(row), replayed: false };
}
