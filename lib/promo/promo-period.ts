import type { ResetPeriod } from "@/lib/generated/prisma/enums";

// Usage-counter periods of promo codes, all in UTC. A week is an ISO week: it starts on Monday
// 00:00 UTC, so a week that spans New Year is still one week.

const DAY_MS = 86_400_000;

export type PromoPeriod = { start: Date; end: Date };

/** The period that contains `at`, or null for codes whose counters never reset. */
export function promoPeriodAt(period: ResetPeriod, at: Date): PromoPeriod | null {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (period) {
    case "NONE":
      return null;
    case "DAILY": {
      const start = Date.UTC(y, m, d);
      return { start: new Date(start), end: new Date(start + DAY_MS) };
    }
    case "WEEKLY": {
      const daysSinceMonday = (at.getUTCDay() + 6) % 7;
      const start = Date.UTC(y, m, d - daysSinceMonday);
      return { start: new Date(start), end: new Date(start + 7 * DAY_MS) };
    }
    case "MONTHLY":
      return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
  }
}

/**
 * Whether the counters of a periodic code must be reset before counting a redemption at `now`:
 * the period they were counted in (started at `periodStartedAt`) is over, or was never recorded.
 * A `now` earlier than the recorded period (clock skew) never resets.
 */
export function isPromoPeriodOver(period: ResetPeriod, periodStartedAt: Date | null, now: Date): boolean {
  const current = promoPeriodAt(period, now);
  if (!current) return false;
  return periodStartedAt === null || current.start.getTime() > periodStartedAt.getTime();
}

/** ISO 8601 week label of a date, e.g. "2026-W53" (the ISO year can differ from the calendar year). */
export function isoWeekLabel(at: Date): string {
  const daysSinceMonday = (at.getUTCDay() + 6) % 7;
  // The Thursday of the same ISO week decides the ISO year.
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - daysSinceMonday + 3));
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}
