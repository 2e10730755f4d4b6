import { z } from "zod";
import { checkbox, currencyField, optionalIntIn } from "@/lib/catalog/schemas";
import { parseMinorUnits } from "@/lib/catalog/decimal";

// The promo code form: one schema for the form, the server action and the use cases. Every
// message is a key under `AdminPromo.errors`, then `AdminCatalog.errors`, then `Validation`.

export const PROMO_KINDS = ["PERCENT", "FIXED"] as const;
export const RESET_PERIODS = ["NONE", "DAILY", "WEEKLY", "MONTHLY"] as const;
export const MAX_PROMO_PRODUCTS = 200;
export const MAX_PROMO_CURRENCIES = 50;

/** Upper-case letters, digits, hyphens and underscores; 3 to 32 characters, starting with a letter or digit. */
export const PROMO_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

const asText = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? String(v) : v ?? "");
const text = () => z.preprocess(asText, z.string({ error: "invalid" }).trim());

/** Codes are matched case-insensitively by storing them upper-case. */
export const promoCodeField = text()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().min(1, "required").max(32, "tooLong").regex(PROMO_CODE_PATTERN, "codeInvalid"));

export const promoCodeIdField = z.preprocess(asText, z.string().regex(/^prm_[0-9A-Z]{26}$/, "invalid"));

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z)?$/;

/** A `datetime-local` value (read as UTC) or an ISO timestamp in UTC; blank is null. */
const optionalDateTime = text().transform((v, ctx): Date | null => {
  if (v === "") return null;
  const m = DATE_TIME.exec(v);
  const date = m ? new Date(m[7] ? v : `${v}Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 16) !== `${m![1]}-${m![2]}-${m![3]}T${m![4]}:${m![5]}`) {
    ctx.addIssue({ code: "custom", message: "dateInvalid" });
    return z.NEVER;
  }
  return date;
});

type Issue = { path: (string | number)[]; message: string };

/** "USD 5.00" lines (or commas) as minor units per currency: { USD: 500 }. */
function parseAmounts(raw: string, issues: Issue[]): Record<string, number> | null {
  const entries = raw.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  if (entries.length > MAX_PROMO_CURRENCIES) {
    issues.push({ path: ["amounts"], message: "tooLong" });
    return null;
  }
  const out: Record<string, number> = {};
  for (const entry of entries) {
    const m = /^([A-Za-z]{3})\s*[: ]\s*(\S+)$/.exec(entry);
    const currency = m ? currencyField.safeParse(m[1]) : null;
    if (!m || !currency?.success) {
      issues.push({ path: ["amounts"], message: m ? "currencyUnknown" : "amountsInvalid" });
      continue;
    }
    const parsed = parseMinorUnits(m[2]!, currency.data);
    if (!parsed.ok) issues.push({ path: ["amounts"], message: parsed.problem });
    else if (parsed.value === 0n) issues.push({ path: ["amounts"], message: "amountsInvalid" });
    else if (currency.data in out) issues.push({ path: ["amounts"], message: "amountsDuplicate" });
    else out[currency.data] = Number(parsed.value); // at most 10^15: exact in a JSON number
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Product ids from an array, or from checkbox keys `product.<id>` = "on". */
function productIdsOf(input: Record<string, unknown>): unknown[] {
  if (Array.isArray(input.productIds)) return input.productIds;
  return Object.entries(input).filter(([k, v]) => k.startsWith("product.") && checkbox.parse(v)).map(([k]) => k.slice("product.".length));
}

const fieldsSchema = z.object({
  code: promoCodeField,
  kind: z.enum(PROMO_KINDS, { error: "invalid" }),
  percentBp: optionalIntIn(1, 10_000),
  amounts: text(),
  startsAt: optionalDateTime,
  endsAt: optionalDateTime,
  maxRedemptions: optionalIntIn(0, 100_000_000),
  perCustomerLimit: optionalIntIn(1, 100_000),
  minOrder: text(),
  minOrderCurrency: text().transform((v) => v.toUpperCase()),
  firstPurchaseOnly: checkbox,
  resetPeriod: z.preprocess((v) => (v === undefined || v === "" ? "NONE" : v), z.enum(RESET_PERIODS, { error: "invalid" })),
  active: checkbox,
  productIds: z.array(z.string().regex(/^prd_[0-9A-Z]{26}$/, "productUnknown")).max(MAX_PROMO_PRODUCTS, "tooLong"),
});

/** What a promo code form becomes: the PromoCode columns plus its product restriction. */
export type PromoCodeValues = {
  code: string;
  kind: (typeof PROMO_KINDS)[number];
  percentBp: number | null;
  amounts: Record<string, number> | null;
  startsAt: Date | null;
  endsAt: Date | null;
  maxRedemptions: number | null;
  perCustomerLimit: number | null;
  minOrderMinor: bigint | null;
  minOrderCurrency: string | null;
  firstPurchaseOnly: boolean;
  resetPeriod: (typeof RESET_PERIODS)[number];
  active: boolean;
  productIds: string[];
};

const promoFields = z
  .preprocess((input) => {
    const record = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
    return { ...record, productIds: productIdsOf(record) };
  }, fieldsSchema)
  .transform((v, ctx): PromoCodeValues => {
    const issues: Issue[] = [];
    let percentBp: number | null = null;
    let amounts: Record<string, number> | null = null;
    if (v.kind === "PERCENT") {
      if (v.percentBp === null) issues.push({ path: ["percentBp"], message: "percentRequired" });
      percentBp = v.percentBp;
    } else {
      amounts = parseAmounts(v.amounts, issues);
      if (!amounts && !issues.some((i) => i.path[0] === "amounts")) issues.push({ path: ["amounts"], message: "amountsRequired" });
    }
    if (v.startsAt && v.endsAt && v.endsAt.getTime() <= v.startsAt.getTime()) issues.push({ path: ["endsAt"], message: "endsBeforeStart" });

    let minOrderMinor: bigint | null = null;
    let minOrderCurrency: string | null = null;
    if (v.minOrder !== "") {
      const currency = currencyField.safeParse(v.minOrderCurrency);
      if (!currency.success) issues.push({ path: ["minOrderCurrency"], message: v.minOrderCurrency === "" ? "minOrderCurrencyRequired" : "currencyUnknown" });
      else {
        const parsed = parseMinorUnits(v.minOrder, currency.data);
        if (!parsed.ok) issues.push({ path: ["minOrder"], message: parsed.problem });
        else {
          minOrderMinor = parsed.value;
          minOrderCurrency = currency.data;
        }
      }
    } else if (v.minOrderCurrency !== "") issues.push({ path: ["minOrder"], message: "required" });

    for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
    if (issues.length) return z.NEVER;
    return {
      code: v.code, kind: v.kind, percentBp, amounts, startsAt: v.startsAt, endsAt: v.endsAt, maxRedemptions: v.maxRedemptions,
      perCustomerLimit: v.perCustomerLimit, minOrderMinor, minOrderCurrency, firstPurchaseOnly: v.firstPurchaseOnly,
      resetPeriod: v.resetPeriod, active: v.active, productIds: [...new Set(v.productIds)].sort(),
    };
  });

export const createPromoCodeSchema = promoFields;
export const updatePromoCodeSchema = z
  .preprocess((input) => input, z.object({ promoCodeId: promoCodeIdField }).passthrough())
  .transform((v, ctx) => {
    const parsed = promoFields.safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { promoCodeId: v.promoCodeId as string, ...parsed.data };
  });
export const deactivatePromoCodeSchema = z.object({ promoCodeId: promoCodeIdField });

/** The values of the form as it starts for a new code. */
export const NEW_PROMO_DEFAULTS = {
  code: "", kind: "PERCENT", percentBp: "", amounts: "", startsAt: "", endsAt: "", maxRedemptions: "", perCustomerLimit: "",
  minOrder: "", minOrderCurrency: "", resetPeriod: "NONE",
} as const;
