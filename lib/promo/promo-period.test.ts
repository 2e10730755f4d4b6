import { describe, expect, it } from "vitest";
import { isPromoPeriodOver, isoWeekLabel, promoPeriodAt } from "./promo-period";

const at = (iso: string) => new Date(iso);
const iso = (p: { start: Date; end: Date } | null) => (p ? [p.start.toISOString(), p.end.toISOString()] : null);

describe("promoPeriodAt", () => {
  it("has no period for codes that never reset", () => {
    expect(promoPeriodAt("NONE", at("2026-05-17T12:00:00Z"))).toBeNull();
  });

  it("days run from 00:00 to 00:00 UTC", () => {
    expect(iso(promoPeriodAt("DAILY", at("2026-05-17T23:59:59.999Z")))).toEqual(["2026-05-17T00:00:00.000Z", "2026-05-18T00:00:00.000Z"]);
    expect(iso(promoPeriodAt("DAILY", at("2026-05-18T00:00:00.000Z")))).toEqual(["2026-05-18T00:00:00.000Z", "2026-05-19T00:00:00.000Z"]);
  });

  it("weeks are ISO weeks starting Monday 00:00 UTC, also across New Year", () => {
    // 2026-05-17 is a Sunday: still the week that began on Monday the 11th.
    expect(iso(promoPeriodAt("WEEKLY", at("2026-05-17T20:00:00Z")))).toEqual(["2026-05-11T00:00:00.000Z", "2026-05-18T00:00:00.000Z"]);
    expect(iso(promoPeriodAt("WEEKLY", at("2026-05-18T00:00:00Z")))).toEqual(["2026-05-18T00:00:00.000Z", "2026-05-25T00:00:00.000Z"]);
    // Friday 2027-01-01 belongs to the week of Monday 2026-12-28.
    expect(iso(promoPeriodAt("WEEKLY", at("2027-01-01T08:00:00Z")))).toEqual(["2026-12-28T00:00:00.000Z", "2027-01-04T00:00:00.000Z"]);
  });

  it("months run from the 1st 00:00 UTC, with the right length and year rollover", () => {
    expect(iso(promoPeriodAt("MONTHLY", at("2028-02-29T10:00:00Z")))).toEqual(["2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"]);
    expect(iso(promoPeriodAt("MONTHLY", at("2026-12-31T23:59:59Z")))).toEqual(["2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
  });

  it("uses UTC, not the local time of the offset in the input", () => {
    // 23:30 on Jan 31 in New York is already February in UTC.
    expect(promoPeriodAt("MONTHLY", at("2026-01-31T23:30:00-05:00"))?.start.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });
});

describe("isPromoPeriodOver", () => {
  const jan = at("2026-01-01T00:00:00Z");
  it("is over once the recorded period has ended, and when none was recorded", () => {
    expect(isPromoPeriodOver("MONTHLY", jan, at("2026-01-31T23:59:59Z"))).toBe(false);
    expect(isPromoPeriodOver("MONTHLY", jan, at("2026-02-01T00:00:00Z"))).toBe(true);
    expect(isPromoPeriodOver("MONTHLY", null, at("2026-01-15T00:00:00Z"))).toBe(true);
    expect(isPromoPeriodOver("DAILY", at("2026-01-05T00:00:00Z"), at("2026-01-05T18:00:00Z"))).toBe(false);
    expect(isPromoPeriodOver("DAILY", at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z"))).toBe(true);
    expect(isPromoPeriodOver("WEEKLY", at("2025-12-29T00:00:00Z"), at("2026-01-04T23:00:00Z"))).toBe(false);
    expect(isPromoPeriodOver("WEEKLY", at("2025-12-29T00:00:00Z"), at("2026-01-05T00:00:00Z"))).toBe(true);
  });

  it("never resets codes without a period, nor for a clock running behind", () => {
    expect(isPromoPeriodOver("NONE", null, at("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isPromoPeriodOver("MONTHLY", at("2026-03-01T00:00:00Z"), at("2026-02-28T00:00:00Z"))).toBe(false);
  });
});

describe("isoWeekLabel", () => {
  it("numbers weeks by ISO 8601, with the ISO year at the edges", () => {
    expect(isoWeekLabel(at("2026-01-01T00:00:00Z"))).toBe("2026-W01");
    expect(isoWeekLabel(at("2026-12-31T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekLabel(at("2027-01-03T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekLabel(at("2027-01-04T00:00:00Z"))).toBe("2027-W01");
    expect(isoWeekLabel(at("2024-12-30T00:00:00Z"))).toBe("2025-W01");
    expect(isoWeekLabel(at("2026-05-17T12:00:00Z"))).toBe("2026-W20");
  });
});
