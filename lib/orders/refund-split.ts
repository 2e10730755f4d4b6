import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { allocate } from "@/lib/money";
import { assertTransition } from "./order-status";

// Refund arithmetic: how much of an order may still be refunded, the status after a refund, and
// the refund split back over the order's lines by largest remainder.

export type RefundLine = {
  totalMinor: bigint;
  /** Already refunded on this line, when tracked; otherwise derived from the order (see below). */
  refundedMinor?: bigint;
};

export type RefundPlan = {
  amountMinor: bigint;
  /** This refund's share per line, in line order; sums to `amountMinor`, never above a line's remainder. */
  lineRefunds: bigint[];
  /** The order's refunded total after this refund. */
  refundedMinor: bigint;
  /** What can still be refunded afterwards. */
  remainingMinor: bigint;
  status: Extract<OrderStatus, "REFUNDED" | "PARTIALLY_REFUNDED">;
};

function invalid(message: string): never {
  throw new AppError("INTERNAL", message);
}

/**
 * Plans a refund of `amountMinor` on an order in `status` with `totalMinor` of which
 * `refundedMinor` was refunded before. Throws VALIDATION_FAILED (`amount: INVALID_AMOUNT` or
 * `EXCEEDS_REFUNDABLE`) for a bad amount and CONFLICT when the status allows no refund. When the
 * lines carry no `refundedMinor`, the earlier refunds are taken as split over the lines by largest
 * remainder of their totals (the same rule this function applies).
 */
export function splitRefund(input: {
  status: OrderStatus;
  totalMinor: bigint;
  refundedMinor: bigint;
  amountMinor: bigint;
  lines: readonly RefundLine[];
}): RefundPlan {
  const { status, totalMinor, refundedMinor, amountMinor, lines } = input;
  if (lines.length === 0) invalid("An order without lines cannot be refunded.");
  if (totalMinor < 0n || refundedMinor < 0n || refundedMinor > totalMinor) invalid("The order's refunded amount is out of range.");
  if (lines.some((l) => l.totalMinor < 0n)) invalid("An order line total cannot be negative.");
  if (lines.reduce((a, l) => a + l.totalMinor, 0n) !== totalMinor) invalid("The order's lines do not sum to its total.");

  const remainingBefore = totalMinor - refundedMinor;
  const fail = (reason: string, message: string) => new AppError("VALIDATION_FAILED", message, { fields: { amount: [reason] } });
  if (amountMinor <= 0n) throw fail("INVALID_AMOUNT", "A refund must be a positive amount.");
  if (amountMinor > remainingBefore) throw fail("EXCEEDS_REFUNDABLE", "The refund exceeds what is left to refund on this order.");

  const next = amountMinor === remainingBefore ? "REFUNDED" : "PARTIALLY_REFUNDED";
  assertTransition(status, next);

  const tracked = lines.every((l) => l.refundedMinor !== undefined);
  if (!tracked && lines.some((l) => l.refundedMinor !== undefined)) invalid("Line refunds are tracked for some lines only.");
  const before = tracked ? lines.map((l) => l.refundedMinor ?? 0n) : allocate(refundedMinor, lines.map((l) => l.totalMinor));
  if (tracked && before.reduce((a, b) => a + b, 0n) !== refundedMinor) invalid("The lines' refunds do not sum to the order's.");
  const remaining = lines.map((l, i) => l.totalMinor - (before[i] ?? 0n));
  if (remaining.some((r) => r < 0n)) invalid("A line was refunded more than its total.");

  // Weighted by what is left on each line: a share never exceeds its line's remainder.
  const lineRefunds = allocate(amountMinor, remaining);
  return {
    amountMinor,
    lineRefunds,
    refundedMinor: refundedMinor + amountMinor,
    remainingMinor: remainingBefore - amountMinor,
    status: next,
  };
}
