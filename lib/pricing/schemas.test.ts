import { describe, expect, it } from "vitest";
import { MAX_QUANTITY, promoCodeSchema, quoteRequestSchema } from "./schemas";

const line = { planId: "pln_01JD3ABCDEFGHJKMNPQRSTVWXY", quantity: 3 };

function issues(input: unknown): Record<string, string[]> {
  const result = quoteRequestSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

describe("quoteRequestSchema", () => {
  it("normalizes a valid request", () => {
    expect(quoteRequestSchema.parse({ currency: " eur ", lines: [{ ...line, quantity: "4" }], promoCode: " spring-25 ", useWallet: "on" }))
      .toEqual({ currency: "EUR", lines: [{ ...line, quantity: 4 }], promoCode: "SPRING-25", useWallet: true });
    expect(quoteRequestSchema.parse({ currency: "USD", lines: [line], promoCode: "" })).toEqual({ currency: "USD", lines: [line], promoCode: undefined, useWallet: false });
    expect(quoteRequestSchema.parse({ currency: "USD", lines: [line], useWallet: false }).useWallet).toBe(false);
  });

  it("bounds quantities", () => {
    expect(quoteRequestSchema.safeParse({ currency: "USD", lines: [{ ...line, quantity: MAX_QUANTITY }] }).success).toBe(true);
    expect(issues({ currency: "USD", lines: [{ ...line, quantity: "abc" }] })).toEqual({ "lines.0.quantity": ["invalid"] });
    for (const quantity of [0, -1, 1.5, MAX_QUANTITY + 1, "0", ""]) {
      expect(issues({ currency: "USD", lines: [{ ...line, quantity }] }), String(quantity)).toEqual({ "lines.0.quantity": ["quantityOutOfRange"] });
    }
  });

  it("accepts ISO currency codes only", () => {
    for (const currency of ["US", "USDD", "XYZ", "12$", ""]) {
      expect(issues({ currency, lines: [line] }), currency).toEqual({ currency: ["invalidCurrency"] });
    }
  });

  it("checks lines: present, at most 20, no plan twice, plan ids well-formed", () => {
    expect(issues({ currency: "USD", lines: [] })).toEqual({ lines: ["required"] });
    expect(issues({ currency: "USD", lines: Array.from({ length: 21 }, (_, i) => ({ planId: `pln_${i}`, quantity: 1 })) })).toEqual({ lines: ["tooManyLines"] });
    expect(issues({ currency: "USD", lines: [line, line] })).toEqual({ lines: ["duplicateLine"] });
    expect(issues({ currency: "USD", lines: [{ ...line, planId: "prd_123" }] })).toEqual({ "lines.0.planId": ["invalid"] });
  });

  it("reports every invalid field at once", () => {
    expect(Object.keys(issues({ currency: "x", lines: [{ planId: "", quantity: 0 }], promoCode: "a", useWallet: "yes" })).sort())
      .toEqual(["currency", "lines.0.planId", "lines.0.quantity", "promoCode", "useWallet"]);
  });
});

describe("promoCodeSchema", () => {
  it("accepts 3–32 letters, digits, dashes and underscores, upper-cased", () => {
    expect(promoCodeSchema.parse("black_friday-2026")).toBe("BLACK_FRIDAY-2026");
    expect(promoCodeSchema.parse("abc")).toBe("ABC");
    for (const bad of ["ab", "-ABC", "ABC-", "A B C", "ÄBC", "A".repeat(33), "ABC;DROP"]) {
      expect(promoCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(promoCodeSchema.safeParse("A".repeat(32)).success).toBe(true);
  });
});
