import type { ResetPeriod } from "@/lib/generated/prisma/enums";

// Periodic reset of a promo code's global redemption counter. Periods are calendar periods in
// UTC: a day from 00:00, an ISO week from Monday 00:00, a month from the 1st 00:00.

export type ResetPeriodState = {
  /** True when the stored counter belongs to an earlier period and must be treated as 0. */
  due: boolean;
  /** Start of the period the counter covers after the reset (the stored one when not due). */
  periodStart: Date | null;
  /** When the current period ends (the next reset), null for NONE. */
  nextResetAt: Date | null;
};

const DAY_MS = 86_400_000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday 00:00 UTC of the ISO week containing `date`. */
export function startOfIsoWeek(date: Date): Date {
  const day = startOfUtcDay(date);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day.getTime() - weekday * DAY_MS);
}

export function startOfUtcMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** ISO 8601 week-numbering year and week of `date` (UTC): 2027-01-01 is week 53 of 2026. */
export function isoWeek(date: Date): { year: number; week: number } {
  const monday = startOfIsoWeek(date);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS); // the week belongs to its Thursday's year
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = startOfIsoWeek(new Date(Date.UTC(year, 0, 4)));
  return { year, week: 1 + Math.round((monday.getTime() - firstThursdayWeek.getTime()) / (7 * DAY_MS)) };
}

/** The calendar period containing `now` (UTC). */
export function currentPeriod(period: Exclude<ResetPeriod, "NONE">, now: Date): { start: Date; end: Date } {
  if (period === "DAILY") {
    const start = startOfUtcDay(now);
    return { start, end: new Date(start.getTime() + DAY_MS) };
  }
  if (period === "WEEKLY") {
    const start = startOfIsoWeek(now);
    return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
  }
  const start = startOfUtcMonth(now);
  return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) };
}

/**
 * Whether the counter of a code with `resetPeriod` is due for reset at `now`. A counter whose
 * period never started (`periodStartedAt` null) is due: counting starts with the current period.
 * A `periodStartedAt` inside the current period (or ahead of `now`, e.g. clock skew) is kept.
 */
export function resolveResetPeriod(input: { resetPeriod: ResetPeriod; periodStartedAt: Date | null; now: Date }): ResetPeriodState {
  const { resetPeriod, periodStartedAt, now } = input;
  if (resetPeriod === "NONE") return { due: false, periodStart: periodStartedAt, nextResetAt: null };
  const { start, end } = currentPeriod(resetPeriod, now);
  if (periodStartedAt === null || periodStartedAt.getTime() < start.getTime()) {
    return { due: true, periodStart: start, nextResetAt: end };
  }
  return { due: false, periodStart: periodStartedAt, nextResetAt: end };
}
