import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseInput } from "@/lib/http/parse-input";
import { isCurrencyCode } from "@/lib/money";
import { userIdField } from "@/lib/checkout/schemas";
import { MAX_ENTRY_MINOR } from "@/lib/wallet/schemas";
import { idempotencyKeyField, PENDING_ORDER_TTL_MS } from "./schemas";
import { CHECKOUT_ORDER_SELECT, toCheckoutOrder, type CheckoutOrder } from "./order-view";

// A wallet top-up is an order without lines: the customer names an amount, pays it through a
// gateway (crypto, Stripe, the sandbox) and the wallet is credited with what actually arrives.

export const MIN_TOP_UP_MINOR = 100n;

export const createTopUpOrderSchema = z.object({
  userId: userIdField,
  currency: z.string({ error: "REQUIRED" }).trim().toUpperCase().refine((c) => isCurrencyCode(c), "UNKNOWN_CURRENCY"),
  amountMinor: z
    .union([z.bigint(), z.number().int("INVALID"), z.string().regex(/^\d{1,16}$/, "INVALID")], { error: "INVALID" })
    .transform((v) => BigInt(v))
    .refine((v) => v >= MIN_TOP_UP_MINOR, "TOO_SMALL")
    .refine((v) => v <= MAX_ENTRY_MINOR, "TOO_LARGE"),
  idempotencyKey: idempotencyKeyField,
});
export type CreateTopUpOrderInput = z.input<typeof createTopUpOrderSchema>;

export async function createTopUpOrder(input: CreateTopUpOrderInput): Promise<{ order: CheckoutOrder; replayed: boolean }> {
  const v = parseInput(createTopUpOrderSchema, input);
  const find = async () => {
    const row = await db.order.findUnique({ where: { idempotencyKey: v.idempotencyKey }, select: { ...CHECKOUT_ORDER_SELECT, userId: true } });
    if (!row) return null;
    if (row.userId !== v.userId || row.kind !== "TOP_UP" || row.totalMinor !== v.amountMinor || row.currency !== v.currency) {
      throw new AppError("CONFLICT", "This checkout was already used for another order.", { fields: { idempotencyKey: ["CONFLICT"] } });
    }
    return toCheckoutOrder(row);
  };
  const existing = await find();
  if (existing) return { order: existing, replayed: true };
  const user = await db.user.findUnique({ where: { id: v.userId }, select: { suspendedAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { userId: ["NOT_FOUND"] } });
  if (user.suspendedAt) throw new AppError("FORBIDDEN", "This account cannot place orders.");
  const now = new Date();
  try {
    const row = await db.order.create({
      data: {
        id: newId("order"), userId: v.userId, kind: "TOP_UP", status: "PENDING", currency: v.currency,
        subtotalMinor: v.amountMinor, totalMinor: v.amountMinor, quote: { kind: "TOP_UP", currency: v.currency, amountMinor: v.amountMinor.toString() },
        idempotencyKey: v.idempotencyKey, expiresAt: new Date(now.getTime() + PENDING_ORDER_TTL_MS),
      },
      select: CHECKOUT_ORDER_SELECT,
    });
    return { order: toCheckoutOrder(row), replayed: false };
  } catch (err) {
    if ((err as { code?: unknown })?.code === "P2002") {
      const raced = await find();
      if (raced) return { order: raced, replayed: true };
    }
    throw err;
  }
}
