import { describe, expect, it } from "vitest";
import { decimalToMinor, moneyOf } from "./amounts";

describe("decimalToMinor", () => {
  it("converts decimal strings exactly, per currency exponent", () => {
    expect(decimalToMinor("10.50", "USD")).toBe(1050n);
    expect(decimalToMinor("10.5", "usd")).toBe(1050n);
    expect(decimalToMinor("500", "JPY")).toBe(500n);
    expect(decimalToMinor("1.234", "KWD")).toBe(1234n);
    expect(decimalToMinor("0.00029000", "BTC")).toBe(29000n);
    expect(decimalToMinor("12.000001", "USDT")).toBe(12000001n);
    expect(decimalToMinor("0.1", "ETH")).toBe(10n ** 17n);
  });

  it("reads JSON numbers through their exact text, exponent notation included", () => {
    expect(decimalToMinor(19.99, "USD")).toBe(1999n);
    expect(decimalToMinor(1e-7, "BTC")).toBe(10n);
    expect(decimalToMinor(25.5, "EUR")).toBe(2550n);
  });

  it("accepts trailing zeros beyond the exponent but rejects real extra precision", () => {
    expect(decimalToMinor("3.00000000", "USD")).toBe(300n);
    expect(() => decimalToMinor("3.001", "USD")).toThrow(/more decimals/);
    expect(() => decimalToMinor("abc", "USD")).toThrow(/Not a decimal/);
    expect(() => decimalToMinor("1,50", "EUR")).toThrow(/Not a decimal/);
  });

  it("keeps the currency upper-case in Money", () => {
    expect(moneyOf("2", "eur")).toEqual({ amountMinor: 200n, currency: "EUR" });
  });

  it("cuts extra decimals off with floor, for amounts valued at an exchange rate", () => {
    expect(decimalToMinor(19.98765, "USD", "floor")).toBe(1998n);
    expect(decimalToMinor("0.000000019", "BTC", "floor")).toBe(1n);
  });

  it("gives codes that are not ISO-like 18 decimals", () => {
    expect(decimalToMinor("12.5", "usdttrc20")).toBe(125n * 10n ** 17n);
  });
});
