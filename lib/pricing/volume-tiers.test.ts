import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { priceWithVolumeTiers } from "./volume-tiers";

const tiers = [{ minQuantity: 20, discountBp: 2000 }, { minQuantity: 5, discountBp: 1000 }];

describe("priceWithVolumeTiers", () => {
  it("charges full price below the first tier", () => {
    expect(priceWithVolumeTiers(1000n, 4, tiers)).toEqual({
      listMinor: 4000n, netMinor: 4000n, volumeDiscountMinor: 0n,
      bands: [{ fromQuantity: 1, toQuantity: 4, quantity: 4, discountBp: 0 }],
    });
  });

  it("discounts only the seats inside each tier, at the boundaries", () => {
    expect(priceWithVolumeTiers(1000n, 5, tiers).netMinor).toBe(4900n); // 4 × 10 + 1 × 9
    expect(priceWithVolumeTiers(1000n, 19, tiers).netMinor).toBe(17500n); // 4 × 10 + 15 × 9
    const twenty = priceWithVolumeTiers(1000n, 20, tiers);
    expect(twenty.netMinor).toBe(18300n); // 40 + 135 + 8
    expect(twenty.volumeDiscountMinor).toBe(1700n);
    expect(twenty.bands).toEqual([
      { fromQuantity: 1, toQuantity: 4, quantity: 4, discountBp: 0 },
      { fromQuantity: 5, toQuantity: 19, quantity: 15, discountBp: 1000 },
      { fromQuantity: 20, toQuantity: 20, quantity: 1, discountBp: 2000 },
    ]);
    expect(priceWithVolumeTiers(1000n, 21, tiers).netMinor).toBe(19100n);
  });

  it("supports a tier from the first seat and a 100 % tier", () => {
    expect(priceWithVolumeTiers(1000n, 3, [{ minQuantity: 1, discountBp: 500 }]).netMinor).toBe(2850n);
    const free = priceWithVolumeTiers(1000n, 12, [{ minQuantity: 11, discountBp: 10_000 }]);
    expect([free.netMinor, free.volumeDiscountMinor]).toEqual([10000n, 2000n]);
  });

  it("rounds the line once, half up, from the exact amount", () => {
    // 3 seats of 333 at −10 % from seat 1: exact 899.1 → 899 (per-seat rounding would give 900)
    expect(priceWithVolumeTiers(333n, 3, [{ minQuantity: 1, discountBp: 1000 }]).netMinor).toBe(899n);
    // 1 seat of 5 at −10 %: exact 4.5 → 5 (half up)
    expect(priceWithVolumeTiers(5n, 1, [{ minQuantity: 1, discountBp: 1000 }]).netMinor).toBe(5n);
    // 1 seat of 15 at −10 %: exact 13.5 → 14
    expect(priceWithVolumeTiers(15n, 1, [{ minQuantity: 1, discountBp: 1000 }]).netMinor).toBe(14n);
    // 1 seat of 15 at −9.99 %: 13.5015 → 14; at −10.01 %: 13.4985 → 13
    expect(priceWithVolumeTiers(15n, 1, [{ minQuantity: 1, discountBp: 999 }]).netMinor).toBe(14n);
    expect(priceWithVolumeTiers(15n, 1, [{ minQuantity: 1, discountBp: 1001 }]).netMinor).toBe(13n);
  });

  it("handles free plans, no tiers and zero seats", () => {
    expect(priceWithVolumeTiers(0n, 50, tiers)).toMatchObject({ listMinor: 0n, netMinor: 0n, volumeDiscountMinor: 0n });
    expect(priceWithVolumeTiers(4900n, 7, [])).toMatchObject({ listMinor: 34300n, netMinor: 34300n });
    expect(priceWithVolumeTiers(4900n, 0, tiers)).toEqual({ listMinor: 0n, netMinor: 0n, volumeDiscountMinor: 0n, bands: [] });
  });

  it("rejects misconfigured tiers", () => {
    expect(() => priceWithVolumeTiers(1n, 1, [{ minQuantity: 0, discountBp: 100 }])).toThrow(AppError);
    expect(() => priceWithVolumeTiers(1n, 1, [{ minQuantity: 2, discountBp: 10_001 }])).toThrow(AppError);
    expect(() => priceWithVolumeTiers(1n, 1, [{ minQuantity: 2, discountBp: -1 }])).toThrow(AppError);
    expect(() => priceWithVolumeTiers(1n, 1, [{ minQuantity: 2, discountBp: 1 }, { minQuantity: 2, discountBp: 2 }])).toThrow(AppError);
    expect(() => priceWithVolumeTiers(1n, 1.5, [])).toThrow(AppError);
    expect(() => priceWithVolumeTiers(-1n, 1, [])).toThrow(AppError);
  });
});
