import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { assertTransition, canTransition, isFinalStatus, ORDER_STATUSES } from "./order-status";

// Written out independently of the table under test.
const ALLOWED = new Set([
  "PENDING→PAID", "PENDING→FAILED", "PENDING→EXPIRED",
  "PAID→REFUNDED", "PAID→PARTIALLY_REFUNDED",
  "PARTIALLY_REFUNDED→PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED→REFUNDED",
]);
const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

describe("order status machine", () => {
  it("covers every status of the database enum", () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.values(OrderStatus).sort());
  });

  it.each(pairs.filter(([f, t]) => ALLOWED.has(`${f}→${t}`)))("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED.has(`${f}→${t}`)))("forbids %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      assertTransition(from, to);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect([(e as AppError).code, (e as AppError).fields]).toEqual(["CONFLICT", { status: ["INVALID_TRANSITION"] }]);
    }
  });

  it("has 7 allowed transitions out of 36", () => {
    expect(pairs.filter(([f, t]) => canTransition(f, t))).toHaveLength(ALLOWED.size);
  });

  it("knows the final statuses", () => {
    expect(ORDER_STATUSES.filter(isFinalStatus).sort()).toEqual(["EXPIRED", "FAILED", "REFUNDED"]);
  });
});
