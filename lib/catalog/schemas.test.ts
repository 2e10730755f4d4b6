import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/http/parse-input";
import { createPlanSchema, createProductSchema, setExchangeRateSchema, setPriceSchema, setVolumeTiersSchema } from "./schemas";

const productId = "prd_01JD3Q8Z6X0000000000000000";
const planId = "pln_01JD3Q8Z6X0000000000000000";

function fieldsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (err) {
    return (err as { fields: Record<string, string[]> }).fields;
  }
  throw new Error("expected a validation failure");
}

describe("catalog schemas", () => {
  it("a product form reports every bad field at once", () => {
    expect(fieldsOf(() => parseInput(createProductSchema, { slug: "Bad Slug", name: " ", licenseType: "DONGLE", sortOrder: "1.5" }))).toEqual({
      slug: ["slugInvalid"], name: ["required"], licenseType: ["invalid"], sortOrder: ["integer"],
    });
    expect(parseInput(createProductSchema, { slug: "my-app", name: " My App ", tagline: "", licenseType: "SITE", active: "on", sortOrder: "3" }))
      .toEqual({ slug: "my-app", name: "My App", tagline: null, description: null, licenseType: "SITE", active: true, sortOrder: 3 });
  });

  it("a plan keeps blank optional limits as null and parses code lists", () => {
    const plan = parseInput(createPlanSchema, {
      productId, slug: "pro", name: "Pro", billingInterval: "YEAR", durationDays: "", activationLimit: "5", reassignmentLimit: "3",
      reassignmentPeriodDays: "30", reassignmentCooldownSec: "0", heartbeatIntervalSec: " ", heartbeatGraceSec: "0",
      offlineTokenTtlSec: "604800", gracePeriodDays: "7", entitlements: "Export, sync\nexport", channels: "stable beta", sortOrder: "0",
    });
    expect(plan).toMatchObject({ durationDays: null, heartbeatIntervalSec: null, entitlements: ["export", "sync"], channels: ["stable", "beta"], active: false });
    expect(fieldsOf(() => parseInput(createPlanSchema, { productId, slug: "pro", name: "Pro", billingInterval: "YEAR", durationDays: "0", activationLimit: "", heartbeatIntervalSec: "x", channels: "", entitlements: "bad code!" })))
      .toMatchObject({ durationDays: ["outOfRange"], activationLimit: ["required"], heartbeatIntervalSec: ["integer"], channels: ["required"], entitlements: ["codesInvalid"] });
  });

  it("prices use the currency's exponent", () => {
    expect(parseInput(setPriceSchema, { planId, currency: "jpy", amount: "1500" })).toEqual({ planId, currency: "JPY", amountMinor: 1500n });
    expect(parseInput(setPriceSchema, { planId, currency: "KWD", amount: "1.250" })).toMatchObject({ amountMinor: 1250n });
    expect(fieldsOf(() => parseInput(setPriceSchema, { planId, currency: "USD", amount: "12.345" }))).toEqual({ amount: ["tooManyDecimals"] });
    expect(fieldsOf(() => parseInput(setPriceSchema, { planId, currency: "USD", amount: "-5" }))).toEqual({ amount: ["negative"] });
    expect(fieldsOf(() => parseInput(setPriceSchema, { planId, currency: "XYZ", amount: "5" }))).toEqual({ currency: ["currencyUnknown"] });
  });

  it("tiers from form keys keep their row index in errors", () => {
    const form = { productId, "tiers.0.minQuantity": "5", "tiers.0.discountBp": "1000", "tiers.1.minQuantity": "", "tiers.1.discountBp": "", "tiers.2.minQuantity": "20", "tiers.2.discountBp": "2000" };
    expect(parseInput(setVolumeTiersSchema, form)).toEqual({ productId, tiers: [{ minQuantity: 5, discountBp: 1000 }, { minQuantity: 20, discountBp: 2000 }] });
    expect(fieldsOf(() => parseInput(setVolumeTiersSchema, { productId, tiers: [{ minQuantity: 20, discountBp: 2000 }, { minQuantity: 5, discountBp: 1000 }, { minQuantity: 30, discountBp: 10_001 }] })))
      .toEqual({ "tiers.1.minQuantity": ["tierOrder"], "tiers.2.discountBp": ["discountRange"] });
    expect(fieldsOf(() => parseInput(setVolumeTiersSchema, { productId, tiers: [{ minQuantity: 5, discountBp: 2000 }, { minQuantity: 10, discountBp: 1000 }] })))
      .toEqual({ "tiers.1.discountBp": ["discountOrder"] });
  });

  it("exchange rates are exact ratios", () => {
    expect(parseInput(setExchangeRateSchema, { quoteCurrency: "eur", rate: "0.92" })).toEqual({ quoteCurrency: "EUR", rate: { num: 23n, den: 25n } });
    expect(fieldsOf(() => parseInput(setExchangeRateSchema, { quoteCurrency: "EUR", rate: "0" }))).toEqual({ rate: ["rateInvalid"] });
  });
});
