import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { splitRefund } from "./refund-split";

const lines = [{ totalMinor: 4900n }, { totalMinor: 1999n }, { totalMinor: 101n }];
const order = { status: "PAID" as const, totalMinor: 7000n, refundedMinor: 0n, lines };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("splitRefund", () => {
  it("refunds in full", () => {
    expect(splitRefund({ ...order, amountMinor: 7000n })).toEqual({
      amountMinor: 7000n, lineRefunds: [4900n, 1999n, 101n], refundedMinor: 7000n, remainingMinor: 0n, status: "REFUNDED",
    });
  });

  it("splits a partial refund by largest remainder, summing exactly", () => {
    const plan = splitRefund({ ...order, amountMinor: 1000n });
    // exact 700, 285.57…, 14.43 → 700, 286, 14
    expect(plan).toEqual({ amountMinor: 1000n, lineRefunds: [700n, 286n, 14n], refundedMinor: 1000n, remainingMinor: 6000n, status: "PARTIALLY_REFUNDED" });
    expect(splitRefund({ ...order, amountMinor: 1n }).lineRefunds).toEqual([1n, 0n, 0n]);
  });

  it("refunds again from PARTIALLY_REFUNDED, up to what is left", () => {
    const second = splitRefund({ ...order, status: "PARTIALLY_REFUNDED", refundedMinor: 1000n, amountMinor: 6000n });
    expect(second).toMatchObject({ refundedMinor: 7000n, remainingMinor: 0n, status: "REFUNDED" });
    // earlier refunds derived as 700/286/14, so what is left is 4200/1713/87
    expect(second.lineRefunds).toEqual([4200n, 1713n, 87n]);
    const third = splitRefund({ ...order, status: "PARTIALLY_REFUNDED", refundedMinor: 1000n, amountMinor: 10n });
    expect(third).toMatchObject({ refundedMinor: 1010n, remainingMinor: 5990n, status: "PARTIALLY_REFUNDED" });
  });

  it("uses tracked line refunds, never refunding a line beyond its total", () => {
    const tracked = [{ totalMinor: 4900n, refundedMinor: 4900n }, { totalMinor: 1999n, refundedMinor: 0n }, { totalMinor: 101n, refundedMinor: 100n }];
    const plan = splitRefund({ ...order, status: "PARTIALLY_REFUNDED", refundedMinor: 5000n, lines: tracked, amountMinor: 2000n });
    expect(plan.lineRefunds).toEqual([0n, 1999n, 1n]);
    expect(plan.status).toBe("REFUNDED");
  });

  it("never exceeds any line's remainder over many random partial refunds", () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    for (let round = 0; round < 200; round++) {
      const ls = Array.from({ length: 1 + rand(5) }, () => ({ totalMinor: BigInt(rand(10_000)), refundedMinor: 0n }));
      const total = ls.reduce((a, l) => a + l.totalMinor, 0n);
      let refunded = 0n;
      while (refunded < total) {
        const amount = 1n + BigInt(rand(Number(total - refunded)));
        const plan = splitRefund({ status: refunded ? "PARTIALLY_REFUNDED" : "PAID", totalMinor: total, refundedMinor: refunded, amountMinor: amount, lines: ls });
        expect(plan.lineRefunds.reduce((a, b) => a + b, 0n), `seed 7 round ${round}`).toBe(amount);
        plan.lineRefunds.forEach((r, i) => {
          const line = ls[i];
          if (!line) throw new Error("line missing");
          line.refundedMinor = (line.refundedMinor ?? 0n) + r;
          expect(r >= 0n && line.refundedMinor <= line.totalMinor, `seed 7 round ${round}`).toBe(true);
        });
        refunded = plan.refundedMinor;
        expect(plan.status).toBe(refunded === total ? "REFUNDED" : "PARTIALLY_REFUNDED");
      }
    }
  });

  it("rejects amounts that are not positive or exceed what is left", () => {
    expect(errorOf(() => splitRefund({ ...order, amountMinor: 0n })).fields).toEqual({ amount: ["INVALID_AMOUNT"] });
    expect(errorOf(() => splitRefund({ ...order, amountMinor: -1n })).fields).toEqual({ amount: ["INVALID_AMOUNT"] });
    expect(errorOf(() => splitRefund({ ...order, amountMinor: 7001n })).fields).toEqual({ amount: ["EXCEEDS_REFUNDABLE"] });
    const partly = { ...order, status: "PARTIALLY_REFUNDED" as const, refundedMinor: 6999n };
    expect(errorOf(() => splitRefund({ ...partly, amountMinor: 2n })).fields).toEqual({ amount: ["EXCEEDS_REFUNDABLE"] });
    expect(splitRefund({ ...partly, amountMinor: 1n }).status).toBe("REFUNDED");
    const free = { status: "PAID" as const, totalMinor: 0n, refundedMinor: 0n, lines: [{ totalMinor: 0n }] };
    expect(errorOf(() => splitRefund({ ...free, amountMinor: 1n })).fields).toEqual({ amount: ["EXCEEDS_REFUNDABLE"] });
  });

  it("refuses orders whose status allows no refund", () => {
    for (const status of ["PENDING", "FAILED", "EXPIRED", "REFUNDED"] as const) {
      const e = errorOf(() => splitRefund({ ...order, status, amountMinor: 100n }));
      expect([e.code, e.fields], status).toEqual(["CONFLICT", { status: ["INVALID_TRANSITION"] }]);
    }
  });

  it("refuses inconsistent order data", () => {
    expect(errorOf(() => splitRefund({ ...order, totalMinor: 7001n, amountMinor: 1n })).code).toBe("INTERNAL");
    expect(errorOf(() => splitRefund({ ...order, refundedMinor: 7001n, amountMinor: 1n })).code).toBe("INTERNAL");
    expect(errorOf(() => splitRefund({ ...order, lines: [], totalMinor: 0n, amountMinor: 1n })).code).toBe("INTERNAL");
    const mixed = [{ totalMinor: 6000n, refundedMinor: 0n }, { totalMinor: 1000n }];
    expect(errorOf(() => splitRefund({ ...order, lines: mixed, amountMinor: 1n })).code).toBe("INTERNAL");
    const over = [{ totalMinor: 6000n, refundedMinor: 6001n }, { totalMinor: 1000n, refundedMinor: 0n }];
    expect(errorOf(() => splitRefund({ ...order, status: "PARTIALLY_REFUNDED", refundedMinor: 6001n, lines: over, amountMinor: 1n })).code).toBe("INTERNAL");
    const wrongSum = [{ totalMinor: 6000n, refundedMinor: 10n }, { totalMinor: 1000n, refundedMinor: 0n }];
    expect(errorOf(() => splitRefund({ ...order, status: "PARTIALLY_REFUNDED", refundedMinor: 20n, lines: wrongSum, amountMinor: 1n })).code).toBe("INTERNAL");
  });
});
