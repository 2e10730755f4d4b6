import { describe, expect, it } from "vitest";
import { formatRate, parseMinorUnits, parseRate } from "./decimal";

describe("parseMinorUnits", () => {
  it.each([
    ["12.34", "USD", 1234n], ["12", "USD", 1200n], ["0.5", "EUR", 50n], ["12.50", "usd", 1250n],
    ["1500", "JPY", 1500n], ["1500.00", "JPY", 1500n], ["1.250", "KWD", 1250n], ["0.001", "KWD", 1n],
    ["0", "USD", 0n], ["-0", "USD", 0n], [" 7.10 ", "GBP", 710n], ["+3", "USD", 300n],
  ])("%s %s is %s minor units", (text, currency, want) => {
    expect(parseMinorUnits(text, currency)).toEqual({ ok: true, value: want });
  });

  it.each([
    ["12.345", "USD", "tooManyDecimals"], ["1500.5", "JPY", "tooManyDecimals"], ["1.2345", "KWD", "tooManyDecimals"],
    ["-1", "USD", "negative"], ["-0.01", "EUR", "negative"], ["", "USD", "amountInvalid"], ["1,50", "EUR", "amountInvalid"],
    ["1e3", "USD", "amountInvalid"], [".5", "USD", "amountInvalid"], ["abc", "USD", "amountInvalid"],
    ["10000000000000.01", "USD", "outOfRange"],
  ])("%s %s is refused as %s", (text, currency, problem) => {
    expect(parseMinorUnits(text, currency)).toEqual({ ok: false, problem });
  });

  it("keeps digits a float would lose", () => {
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(parseMinorUnits("1.15", "USD")).toEqual({ ok: true, value: 115n });
    expect(parseMinorUnits("999999999999.999", "KWD")).toEqual({ ok: true, value: 999_999_999_999_999n });
  });
});

describe("exchange rates", () => {
  it("parse to reduced exact ratios", () => {
    expect(parseRate("0.9215")).toEqual({ num: 1843n, den: 2000n });
    expect(parseRate("151.4")).toEqual({ num: 757n, den: 5n });
    expect(parseRate("2")).toEqual({ num: 2n, den: 1n });
    expect(parseRate("0.000000000001")).toEqual({ num: 1n, den: 1_000_000_000_000n });
  });

  it.each(["0", "0.000", "-1", "1/3", "", "1e2", "1.", "0.0000000000001"])("refuse %j", (text) => {
    expect(parseRate(text)).toBeNull();
  });

  it("format back to the decimal typed, or to a fraction when it has no short expansion", () => {
    for (const text of ["0.9215", "151.4", "2", "0.000000000001", "1234.5678"]) expect(formatRate(parseRate(text)!)).toBe(text);
    expect(formatRate({ num: 1n, den: 3n })).toBe("1/3");
    expect(formatRate({ num: 1n, den: 8n })).toBe("0.125");
  });
});
