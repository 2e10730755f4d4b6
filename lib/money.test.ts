import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import {
  allocate, basisPointsOf, conversionRatio, convertMoney, currencyExponent, divideRounded, formatMoney,
  isCurrencyCode, parseMinorUnits, toDecimalString, toRatio, type RateTable,
} from "./money";

function fieldsOf(fn: () => unknown): Record<string, string[]> | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.fields;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("money", () => {
  it("knows currency exponents", () => {
    expect([currencyExponent("USD"), currencyExponent("jpy"), currencyExponent("KWD"), currencyExponent("CLF")]).toEqual([2, 0, 3, 4]);
  });

  it("knows ISO currency codes, upper case only", () => {
    expect(["USD", "EUR", "JPY", "KWD"].every(isCurrencyCode)).toBe(true);
    expect(["usd", "XXX", "ABC", "US", ""].some(isCurrencyCode)).toBe(false);
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

describe("divideRounded", () => {
  const cases: [bigint, bigint, Record<string, bigint>][] = [
    [7n, 2n, { floor: 3n, ceil: 4n, halfUp: 4n, halfEven: 4n }],
    [5n, 2n, { floor: 2n, ceil: 3n, halfUp: 3n, halfEven: 2n }],
    [-5n, 2n, { floor: -3n, ceil: -2n, halfUp: -3n, halfEven: -2n }],
    [-7n, 2n, { floor: -4n, ceil: -3n, halfUp: -4n, halfEven: -4n }],
    [10n, 3n, { floor: 3n, ceil: 4n, halfUp: 3n, halfEven: 3n }],
    [11n, 3n, { floor: 3n, ceil: 4n, halfUp: 4n, halfEven: 4n }],
    [-10n, 3n, { floor: -4n, ceil: -3n, halfUp: -3n, halfEven: -3n }],
    [9n, 3n, { floor: 3n, ceil: 3n, halfUp: 3n, halfEven: 3n }],
    [5n, -2n, { floor: -3n, ceil: -2n, halfUp: -3n, halfEven: -2n }],
  ];
  it.each(cases)("%s / %s in every mode", (n, d, expected) => {
    for (const [mode, value] of Object.entries(expected)) {
      expect(divideRounded(n, d, mode as "floor")).toBe(value);
    }
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRounded(1n, 0n, "floor")).toThrow(AppError);
  });
});

describe("basisPointsOf", () => {
  it("takes a percentage with explicit rounding", () => {
    expect(basisPointsOf(10000n, 1000, "floor")).toBe(1000n);
    expect(basisPointsOf(999n, 1000, "floor")).toBe(99n); // 99.9
    expect(basisPointsOf(999n, 1000, "ceil")).toBe(100n);
    expect(basisPointsOf(999n, 1000, "halfUp")).toBe(100n);
    expect(basisPointsOf(5n, 1000, "halfUp")).toBe(1n); // 0.5 → 1
    expect(basisPointsOf(5n, 1000, "halfEven")).toBe(0n); // 0.5 → 0
    expect(basisPointsOf(15n, 1000, "halfEven")).toBe(2n); // 1.5 → 2
    expect(basisPointsOf(4999n, 10000, "floor")).toBe(4999n);
    expect(basisPointsOf(4999n, 0, "ceil")).toBe(0n);
    expect(basisPointsOf(12345n, 1n, "floor")).toBe(1n);
  });

  it("rejects fractional basis points", () => {
    expect(() => basisPointsOf(100n, 0.5, "floor")).toThrow(AppError);
  });
});

describe("allocate", () => {
  const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

  it("splits by largest remainder and sums exactly", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(5n, [3n, 3n, 3n, 1n])).toEqual([2n, 2n, 1n, 0n]); // all remainders tie: lower indexes first
    expect(allocate(10n, [7n, 2n, 1n])).toEqual([7n, 2n, 1n]);
    expect(allocate(1n, [1n, 2n])).toEqual([0n, 1n]); // remainder 2/3 beats 1/3
    expect(allocate(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]); // ties go to the lower index
    expect(allocate(0n, [5n, 0n])).toEqual([0n, 0n]);
    expect(allocate(7n, [0n, 3n, 0n])).toEqual([0n, 7n, 0n]);
  });

  it("splits all-zero weights evenly and mirrors negative amounts", () => {
    expect(allocate(5n, [0n, 0n])).toEqual([3n, 2n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it("always sums exactly and never gives a share above its exact part + 1", () => {
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 500; round++) {
      const weights = Array.from({ length: 1 + (next() % 8) }, () => BigInt(next() % 1000));
      const amount = BigInt(next() % 100000);
      const shares = allocate(amount, weights);
      const total = sum(weights);
      expect(sum(shares), `seed 12345 round ${round}`).toBe(amount);
      if (total > 0n) {
        shares.forEach((s, i) => {
          const exactFloor = (amount * (weights[i] ?? 0n)) / total;
          expect(s - exactFloor >= 0n && s - exactFloor <= 1n).toBe(true);
        });
      }
    }
  });

  it("refuses empty or negative weights", () => {
    expect(() => allocate(1n, [])).toThrow(AppError);
    expect(() => allocate(1n, [1n, -1n])).toThrow(AppError);
  });
});

describe("parseMinorUnits", () => {
  it("parses decimals per currency exponent", () => {
    expect(parseMinorUnits("12.34", "USD")).toBe(1234n);
    expect(parseMinorUnits("12", "USD")).toBe(1200n);
    expect(parseMinorUnits("12.3", "USD")).toBe(1230n);
    expect(parseMinorUnits(" 0.05 ", "EUR")).toBe(5n);
    expect(parseMinorUnits("500", "JPY")).toBe(500n);
    expect(parseMinorUnits("500.00", "JPY")).toBe(500n);
    expect(parseMinorUnits("1.234", "KWD")).toBe(1234n);
    expect(parseMinorUnits("1.2340", "KWD")).toBe(1234n);
    expect(parseMinorUnits("90071992547409.93", "USD")).toBe(9007199254740993n);
    expect(parseMinorUnits("-1.50", "USD", { allowNegative: true })).toBe(-150n);
    expect(parseMinorUnits("-0", "USD")).toBe(0n);
  });

  it("rejects malformed, too precise and negative input with the field path", () => {
    expect(fieldsOf(() => parseMinorUnits("1.234", "USD"))).toEqual({ amount: ["TOO_MANY_DECIMALS"] });
    expect(fieldsOf(() => parseMinorUnits("1.5", "JPY", { field: "price" }))).toEqual({ price: ["TOO_MANY_DECIMALS"] });
    expect(fieldsOf(() => parseMinorUnits("-1", "USD"))).toEqual({ amount: ["NEGATIVE_AMOUNT"] });
    for (const bad of ["", "abc", "1,50", "1e3", ".5", "5.", "+5", "1.2.3", "0x10", "NaN", "1 000"]) {
      expect(fieldsOf(() => parseMinorUnits(bad, "USD"))).toEqual({ amount: ["INVALID_AMOUNT"] });
    }
  });
});

describe("exchange rates", () => {
  const table: RateTable = { base: "USD", rates: { EUR: "0.92", JPY: "151.4", KWD: "0.3075", GBP: { num: 4n, den: 5n } } };

  it("parses exact decimal rates and ratios", () => {
    expect(toRatio("0.92")).toEqual({ num: 92n, den: 100n });
    expect(toRatio("151")).toEqual({ num: 151n, den: 1n });
    expect(toRatio({ num: 3n, den: 7n })).toEqual({ num: 3n, den: 7n });
    for (const bad of ["0", "-1", "abc", "1e2", "0.000"]) expect(() => toRatio(bad)).toThrow(AppError);
    expect(() => toRatio({ num: 1n, den: 0n })).toThrow(AppError);
  });

  it("converts across exponents with one rounding step", () => {
    expect(convertMoney({ amountMinor: 1000n, currency: "USD" }, "EUR", table)).toEqual({ amountMinor: 920n, currency: "EUR" });
    // $10.00 → ¥1514 (exponent 2 → 0)
    expect(convertMoney({ amountMinor: 1000n, currency: "USD" }, "JPY", table).amountMinor).toBe(1514n);
    // $10.00 → 3.075 KWD (exponent 2 → 3)
    expect(convertMoney({ amountMinor: 1000n, currency: "USD" }, "KWD", table).amountMinor).toBe(3075n);
    // ¥1514 → $10.00 back
    expect(convertMoney({ amountMinor: 1514n, currency: "JPY" }, "USD", table).amountMinor).toBe(1000n);
    // cross rate through the base: €9.20 → £8.00
    expect(convertMoney({ amountMinor: 920n, currency: "EUR" }, "GBP", table).amountMinor).toBe(800n);
    // ¥1 → $0.0066… rounds per mode
    expect(convertMoney({ amountMinor: 1n, currency: "JPY" }, "USD", table, "floor").amountMinor).toBe(0n);
    expect(convertMoney({ amountMinor: 1n, currency: "JPY" }, "USD", table, "ceil").amountMinor).toBe(1n);
    expect(convertMoney({ amountMinor: 777n, currency: "EUR" }, "EUR", table)).toEqual({ amountMinor: 777n, currency: "EUR" });
  });

  it("is exact where floats are not", () => {
    // 30 cents at 1.1 is exactly 33 (0.3 * 1.1 in floats is 0.33000000000000007)
    const t: RateTable = { base: "USD", rates: { CHF: "1.1" } };
    expect(convertMoney({ amountMinor: 30n, currency: "USD" }, "CHF", t).amountMinor).toBe(33n);
    const big = 9007199254740993n;
    expect(convertMoney({ amountMinor: big, currency: "USD" }, "CHF", { base: "USD", rates: { CHF: "1" } }).amountMinor).toBe(big);
  });

  it("reports a missing rate", () => {
    expect(conversionRatio(table, "USD", "CHF")).toBeNull();
    expect(fieldsOf(() => convertMoney({ amountMinor: 1n, currency: "CHF" }, "USD", table))).toEqual({ currency: ["NO_EXCHANGE_RATE"] });
  });
});
