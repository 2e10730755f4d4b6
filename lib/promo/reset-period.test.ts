import { describe, expect, it } from "vitest";
import { isoWeek, resolveResetPeriod, startOfIsoWeek } from "./reset-period";

const d = (iso: string) => new Date(iso);

describe("ISO weeks", () => {
  it.each([
    ["2026-12-02T07:00:00Z", "2026-11-30T00:00:00.000Z"], // Wednesday
    ["2026-11-30T00:00:00Z", "2026-11-30T00:00:00.000Z"], // Monday midnight is the start
    ["2026-12-06T23:59:59.999Z", "2026-11-30T00:00:00.000Z"], // Sunday last millisecond
    ["2027-01-01T12:00:00Z", "2026-12-28T00:00:00.000Z"], // week spans the new year
  ])("week of %s starts %s", (at, start) => {
    expect(startOfIsoWeek(d(at)).toISOString()).toBe(start);
  });

  it.each([
    ["2026-12-31T00:00:00Z", 2026, 53],
    ["2027-01-03T00:00:00Z", 2026, 53],
    ["2027-01-04T00:00:00Z", 2027, 1],
    ["2024-12-30T00:00:00Z", 2025, 1],
    ["2021-01-03T00:00:00Z", 2020, 53],
    ["2026-06-15T00:00:00Z", 2026, 25],
  ])("%s is ISO %s-W%s", (at, year, week) => {
    expect(isoWeek(d(at))).toEqual({ year, week });
  });
});

describe("resolveResetPeriod", () => {
  it("never resets NONE", () => {
    const started = d("2020-01-01T00:00:00Z");
    expect(resolveResetPeriod({ resetPeriod: "NONE", periodStartedAt: started, now: d("2026-12-02T00:00:00Z") }))
      .toEqual({ due: false, periodStart: started, nextResetAt: null });
    expect(resolveResetPeriod({ resetPeriod: "NONE", periodStartedAt: null, now: d("2026-12-02T00:00:00Z") }).due).toBe(false);
  });

  it("resets DAILY at 00:00 UTC", () => {
    const started = d("2026-12-01T00:00:00Z");
    const same = resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: started, now: d("2026-12-01T23:59:59.999Z") });
    expect(same).toEqual({ due: false, periodStart: started, nextResetAt: d("2026-12-02T00:00:00Z") });
    const next = resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: started, now: d("2026-12-02T00:00:00Z") });
    expect(next).toEqual({ due: true, periodStart: d("2026-12-02T00:00:00Z"), nextResetAt: d("2026-12-03T00:00:00Z") });
    // a period start recorded mid-day still belongs to that day
    expect(resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: d("2026-12-02T10:00:00Z"), now: d("2026-12-02T11:00:00Z") }).due).toBe(false);
    // a time zone east of UTC does not matter: 2026-12-02T01:00+03:00 is still Dec 1 in UTC
    expect(resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: started, now: d("2026-12-02T01:00:00+03:00") }).due).toBe(false);
  });

  it("resets WEEKLY on ISO Mondays", () => {
    const started = d("2026-11-30T00:00:00Z"); // Monday
    expect(resolveResetPeriod({ resetPeriod: "WEEKLY", periodStartedAt: started, now: d("2026-12-06T23:59:59Z") }).due).toBe(false);
    const next = resolveResetPeriod({ resetPeriod: "WEEKLY", periodStartedAt: started, now: d("2026-12-07T00:00:00Z") });
    expect(next).toEqual({ due: true, periodStart: d("2026-12-07T00:00:00Z"), nextResetAt: d("2026-12-14T00:00:00Z") });
    // across the year boundary: started Sunday 2026-12-27, now Friday 2027-01-01 (next ISO week)
    const year = resolveResetPeriod({ resetPeriod: "WEEKLY", periodStartedAt: d("2026-12-27T08:00:00Z"), now: d("2027-01-01T08:00:00Z") });
    expect(year).toEqual({ due: true, periodStart: d("2026-12-28T00:00:00Z"), nextResetAt: d("2027-01-04T00:00:00Z") });
  });

  it("resets MONTHLY on the 1st, including short months and year ends", () => {
    const started = d("2026-02-01T00:00:00Z");
    expect(resolveResetPeriod({ resetPeriod: "MONTHLY", periodStartedAt: started, now: d("2026-02-28T23:59:59Z") }))
      .toEqual({ due: false, periodStart: started, nextResetAt: d("2026-03-01T00:00:00Z") });
    expect(resolveResetPeriod({ resetPeriod: "MONTHLY", periodStartedAt: started, now: d("2026-03-01T00:00:00Z") }))
      .toEqual({ due: true, periodStart: d("2026-03-01T00:00:00Z"), nextResetAt: d("2026-04-01T00:00:00Z") });
    expect(resolveResetPeriod({ resetPeriod: "MONTHLY", periodStartedAt: d("2026-12-15T00:00:00Z"), now: d("2027-01-10T00:00:00Z") }))
      .toEqual({ due: true, periodStart: d("2027-01-01T00:00:00Z"), nextResetAt: d("2027-02-01T00:00:00Z") });
    // several periods skipped: still one reset to the current period
    expect(resolveResetPeriod({ resetPeriod: "MONTHLY", periodStartedAt: d("2025-01-01T00:00:00Z"), now: d("2026-12-02T00:00:00Z") }).periodStart)
      .toEqual(d("2026-12-01T00:00:00Z"));
  });

  it("starts counting when no period was recorded, and keeps a start ahead of now", () => {
    expect(resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: null, now: d("2026-12-02T07:00:00Z") }))
      .toEqual({ due: true, periodStart: d("2026-12-02T00:00:00Z"), nextResetAt: d("2026-12-03T00:00:00Z") });
    const ahead = d("2026-12-03T00:00:00Z");
    expect(resolveResetPeriod({ resetPeriod: "DAILY", periodStartedAt: ahead, now: d("2026-12-02T23:00:00Z") }))
      .toEqual({ due: false, periodStart: ahead, nextResetAt: d("2026-12-03T00:00:00Z") });
  });
});
