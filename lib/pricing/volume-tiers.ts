import { AppError } from "@/lib/errors";
import { BP_SCALE, divideRounded } from "@/lib/money";

// Volume discounts are graduated: a tier's discount applies to the seats from its minimum
// quantity on, the way tax brackets work ("5+ seats −10 %, 20+ −20 %": seats 1–4 at full price,
// 5–19 at −10 %, 20 and up at −20 %). Every extra seat adds unit × (1 − discount) ≥ 0 to the exact
// amount, and the line is rounded once from that exact amount, so the price of a line can never
// fall as its quantity rises. (All-units tiers would make 20 seats cheaper than 19.)

export type VolumeTier = { minQuantity: number; discountBp: number };

export type TierBand = { fromQuantity: number; toQuantity: number; quantity: number; discountBp: number };

export type TieredLine = {
  /** unit × quantity before any discount. */
  listMinor: bigint;
  /** The line after volume discounts, rounded half up once from the exact amount. */
  netMinor: bigint;
  volumeDiscountMinor: bigint;
  /** The bands the quantity fell into, in ascending order (bands with a 0 bp discount included). */
  bands: TierBand[];
};

/** Sorted, validated tiers; throws INTERNAL on a misconfigured catalog (it is not user input). */
export function normalizeTiers(tiers: readonly VolumeTier[]): VolumeTier[] {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  sorted.forEach((t, i) => {
    const valid = Number.isSafeInteger(t.minQuantity) && t.minQuantity >= 1 && Number.isSafeInteger(t.discountBp)
      && t.discountBp >= 0 && t.discountBp <= 10_000 && (i === 0 || sorted[i - 1]?.minQuantity !== t.minQuantity);
    if (!valid) throw new AppError("INTERNAL", `Invalid volume tier (min ${t.minQuantity}, ${t.discountBp} bp).`);
  });
  return sorted;
}

/** Prices `quantity` seats at `unitPriceMinor` under graduated `tiers`. */
export function priceWithVolumeTiers(unitPriceMinor: bigint, quantity: number, tiers: readonly VolumeTier[]): TieredLine {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new AppError("INTERNAL", `Invalid quantity ${quantity}.`);
  if (unitPriceMinor < 0n) throw new AppError("INTERNAL", "A unit price cannot be negative.");
  const sorted = normalizeTiers(tiers);
  // Band edges: seat 1 at 0 bp unless a tier starts at 1, then each tier from its minimum.
  const starts: VolumeTier[] = sorted[0]?.minQuantity === 1 ? sorted : [{ minQuantity: 1, discountBp: 0 }, ...sorted];
  const bands: TierBand[] = [];
  let exact = 0n; // in minor units × BP_SCALE
  for (let i = 0; i < starts.length; i++) {
    const tier = starts[i];
    if (!tier || tier.minQuantity > quantity) break;
    const nextStart = starts[i + 1]?.minQuantity ?? Number.POSITIVE_INFINITY;
    const toQuantity = Math.min(quantity, nextStart - 1);
    const seats = toQuantity - tier.minQuantity + 1;
    bands.push({ fromQuantity: tier.minQuantity, toQuantity, quantity: seats, discountBp: tier.discountBp });
    exact += BigInt(seats) * unitPriceMinor * (BP_SCALE - BigInt(tier.discountBp));
  }
  const listMinor = unitPriceMinor * BigInt(quantity);
  const netMinor = divideRounded(exact, BP_SCALE, "halfUp");
  return { listMinor, netMinor, volumeDiscountMinor: listMinor - netMinor, bands };
}
