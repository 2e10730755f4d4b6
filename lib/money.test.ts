import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, toDecimalString } from "./money";

describe("money", () => {
  it("knows currency exponents", () => {
    expect([currencyExponent("USD"), currencyExponent("jpy"), currencyExponent("KWD")]).toEqual([2, 0, 3]);
  });

  it("converts minor units to exact decimals, without floats", () => {
    expect(toDecimalString(12345n, "USD")).toBe("123.45");
    expect(toDecimalString(5n, "USD")).toBe("0.05");
    expect(toDecimalString(-5n, "EUR")).toBe("-0.05");
    expect(toDecimalString(500n, "JPY")).toBe("500");
    expect(toDecimalString(1234n, "KWD")).toBe("1.234");
    expect(toDecimalString(9007199254740993n, "USD")).toBe("90071992547409.93");
  });

  it("formats per locale", () => {
    expect(formatMoney(4900n, "USD", "en")).toBe("$49.00");
    expect(formatMoney(4900n, "EUR", "de").replace(/\s/g, " ")).toBe("49,00 €");
    expect(formatMoney(500n, "JPY", "ja")).toBe("￥500");
    expect(formatMoney(9007199254740993n, "USD", "en")).toBe("$90,071,992,547,409.93");
  });
});
