import { z } from "zod";
import { LOCALES, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { parseMinorUnits, parseRate } from "./decimal";

// One schema per catalog form, used by the form (field names, limits) and by the use case that
// the server action calls. Every message is a key under `AdminCatalog.errors` (or `Validation`).

export const LICENSE_TYPES = ["SOFTWARE", "SITE"] as const;
export const BILLING_INTERVALS = ["ONE_TIME", "MONTH", "YEAR"] as const;
/** Locales a product may be translated into (the base fields are the default locale). */
export const TRANSLATION_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
export const MAX_TIERS = 10;

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export function isKnownCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}

const asText = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? String(v) : v ?? "");

const text = (max: number) => z.preprocess(asText, z.string({ error: "invalid" }).trim().max(max, "tooLong"));
const requiredText = (max: number) => z.preprocess(asText, z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong"));
const optionalText = (max: number) => text(max).transform((v) => (v === "" ? null : v));

function integerText(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d{1,12}$/, "integer")
    .transform(Number)
    .refine((n) => n >= min && n <= max, "outOfRange");
}

/** A whole number in [min, max]; a blank field is an error. */
export const intIn = (min: number, max: number) =>
  z.preprocess(asText, z.string().trim().min(1, "required").pipe(integerText(min, max)));

/** A whole number in [min, max], or null when left blank. */
export const optionalIntIn = (min: number, max: number) => {
  const whole = integerText(min, max);
  return z.preprocess(asText, z.string().trim()).transform((v, ctx): number | null => {
    if (v === "") return null;
    const parsed = whole.safeParse(v);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid" });
    return z.NEVER;
  });
};

/** A checkbox: "on"/"true"/"1"/true is checked; anything else (including absent) is not. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const CODE = /^[a-z0-9][a-z0-9._:-]{0,63}$/;
/** Feature or channel codes, from an array or text separated by commas, spaces or new lines. */
const codeList = (options: { atLeastOne: boolean }) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v.map(String) : String(asText(v)).split(/[\s,]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean),
    z.array(z.string()).max(50, "tooLong").refine((codes) => codes.every((c) => CODE.test(c)), "codesInvalid"),
  )
    .transform((codes) => [...new Set(codes)])
    .refine((codes) => !options.atLeastOne || codes.length > 0, "required");

export const slugField = requiredText(64).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugInvalid").min(2, "slugInvalid"));

export const currencyField = z.preprocess(
  asText,
  z.string().trim().toUpperCase().min(1, "required").pipe(z.string().refine((c) => /^[A-Z]{3}$/.test(c) && isKnownCurrency(c), "currencyUnknown")),
);

const idOf = (prefix: string) => z.preprocess(asText, z.string().regex(new RegExp(`^${prefix}_[0-9A-Z]{26}$`), "invalid"));
export const productIdField = idOf("prd");
export const planIdField = idOf("pln");

// ─────────────── products ───────────────

const productFields = {
  slug: slugField,
  name: requiredText(120),
  tagline: optionalText(200),
  description: optionalText(5000),
  licenseType: z.enum(LICENSE_TYPES, { error: "invalid" }),
  active: checkbox,
  sortOrder: intIn(-100_000, 100_000),
};

export const createProductSchema = z.object(productFields);
export const updateProductSchema = z.object({ productId: productIdField, ...productFields });
export type ProductInput = z.output<typeof createProductSchema>;

export const productTranslationSchema = z.object({
  productId: productIdField,
  locale: z.preprocess(asText, z.string().refine((l) => (TRANSLATION_LOCALES as readonly string[]).includes(l), "localeUnknown")),
  name: requiredText(120),
  tagline: optionalText(200),
  description: optionalText(5000),
});
export const removeTranslationSchema = productTranslationSchema.pick({ productId: true, locale: true });

// ─────────────── plans and their licensing policy ───────────────

const DAY = 86_400;
const planFields = {
  slug: slugField,
  name: requiredText(120),
  billingInterval: z.enum(BILLING_INTERVALS, { error: "invalid" }),
  /** blank = perpetual (or as long as the subscription runs) */
  durationDays: optionalIntIn(1, 36_500),
  activationLimit: intIn(1, 100_000),
  reassignmentLimit: intIn(0, 1_000),
  reassignmentPeriodDays: intIn(1, 3_650),
  reassignmentCooldownSec: intIn(0, 365 * DAY),
  /** blank = no heartbeat required */
  heartbeatIntervalSec: optionalIntIn(60, 365 * DAY),
  heartbeatGraceSec: intIn(0, 365 * DAY),
  offlineTokenTtlSec: intIn(60, 365 * DAY),
  gracePeriodDays: intIn(0, 365),
  entitlements: codeList({ atLeastOne: false }),
  channels: codeList({ atLeastOne: true }),
  active: checkbox,
  sortOrder: intIn(-100_000, 100_000),
};

export const createPlanSchema = z.object({ productId: productIdField, ...planFields });
export const updatePlanSchema = z.object({ planId: planIdField, ...planFields });
export const archivePlanSchema = z.object({ planId: planIdField });
export type PlanInput = Omit<z.output<typeof createPlanSchema>, "productId">;

/** The form's starting values for a new plan (the database defaults). */
export const NEW_PLAN_DEFAULTS = {
  billingInterval: "ONE_TIME", durationDays: "", activationLimit: "1", reassignmentLimit: "3", reassignmentPeriodDays: "30",
  reassignmentCooldownSec: "0", heartbeatIntervalSec: "", heartbeatGraceSec: "0", offlineTokenTtlSec: String(7 * DAY),
  gracePeriodDays: "0", entitlements: "", channels: "stable", sortOrder: "0",
} as const;

// ─────────────── prices ───────────────

export const setPriceSchema = z
  .object({ planId: planIdField, currency: currencyField, amount: z.preprocess(asText, z.string().trim().min(1, "required")) })
  .transform((v, ctx) => {
    const parsed = parseMinorUnits(v.amount, v.currency);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.problem });
      return z.NEVER;
    }
    return { planId: v.planId, currency: v.currency, amountMinor: parsed.value };
  });
export const removePriceSchema = z.object({ planId: planIdField, currency: currencyField });

// ─────────────── volume tiers ───────────────

type RawTier = { minQuantity?: unknown; discountBp?: unknown };

/** Rows from an array, or from flat form keys `tiers.0.minQuantity`, `tiers.0.discountBp`, … */
function tierRows(input: unknown): RawTier[] {
  if (!input || typeof input !== "object") return [];
  const record = input as Record<string, unknown>;
  if (Array.isArray(record.tiers)) return record.tiers as RawTier[];
  const rows: RawTier[] = [];
  for (const [key, value] of Object.entries(record)) {
    const m = /^tiers\.(\d{1,2})\.(minQuantity|discountBp)$/.exec(key);
    if (m) (rows[Number(m[1])] ??= {})[m[2] as keyof RawTier] = value;
  }
  return Array.from(rows, (r) => r ?? {});
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";
const tierMin = intIn(2, 1_000_000);
const tierBp = intIn(0, 10_000);

/**
 * A product's whole tier list. Blank rows are ignored; errors keep the row's index
 * (`tiers.2.minQuantity`). Thresholds must rise and discounts must not fall as they do.
 */
export const setVolumeTiersSchema = z.preprocess(
  (input) => ({ productId: (input as Record<string, unknown> | null)?.productId, tiers: tierRows(input) }),
  z.object({ productId: productIdField, tiers: z.array(z.object({ minQuantity: z.unknown(), discountBp: z.unknown() })) }),
).transform((v, ctx) => {
  const tiers: { minQuantity: number; discountBp: number }[] = [];
  let previous: { minQuantity: number; discountBp: number } | undefined;
  v.tiers.forEach((row, i) => {
    if (blank(row.minQuantity) && blank(row.discountBp)) return;
    const min = tierMin.safeParse(row.minQuantity);
    const bp = tierBp.safeParse(row.discountBp);
    if (!min.success) ctx.addIssue({ code: "custom", path: ["tiers", i, "minQuantity"], message: min.error.issues[0]?.message ?? "invalid" });
    if (!bp.success) ctx.addIssue({ code: "custom", path: ["tiers", i, "discountBp"], message: bp.error.issues[0]?.message === "outOfRange" ? "discountRange" : (bp.error.issues[0]?.message ?? "invalid") });
    if (!min.success || !bp.success) return;
    const tier = { minQuantity: min.data, discountBp: bp.data };
    if (previous && tier.minQuantity <= previous.minQuantity) ctx.addIssue({ code: "custom", path: ["tiers", i, "minQuantity"], message: "tierOrder" });
    else if (previous && tier.discountBp < previous.discountBp) ctx.addIssue({ code: "custom", path: ["tiers", i, "discountBp"], message: "discountOrder" });
    previous = tier;
    tiers.push(tier);
  });
  if (tiers.length > MAX_TIERS) ctx.addIssue({ code: "custom", path: ["tiers"], message: "tooMany" });
  return { productId: v.productId, tiers };
});

// ─────────────── exchange rates ───────────────

export const rateField = z.preprocess(asText, z.string().trim().min(1, "required"))
  .transform((v, ctx) => parseRate(v) ?? (ctx.addIssue({ code: "custom", message: "rateInvalid" }), z.NEVER));

export const setExchangeRateSchema = z.object({ quoteCurrency: currencyField, rate: rateField });
export const removeExchangeRateSchema = z.object({ quoteCurrency: currencyField });
export const setBaseCurrencySchema = z.object({ baseCurrency: currencyField });
