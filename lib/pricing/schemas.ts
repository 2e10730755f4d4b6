import { z } from "zod";
import { isCurrencyCode } from "@/lib/money";

// The quote request shared by the checkout action and the API: what the customer asks for. Prices,
// tiers, rates and promo rules come from the server, never from this input. Error messages are
// message keys under `Validation`.

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 10_000;
export const MAX_QUOTE_LINES = 20;

export const currencyCodeSchema = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .refine((code): boolean => isCurrencyCode(code), "invalidCurrency"); // output stays a string

/** Promo codes are case-insensitive: stored and compared upper case. */
export const promoCodeSchema = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9](?:[A-Z0-9_-]{1,30})[A-Z0-9]$/, "invalidPromoCode");

export const quantitySchema = z
  .number({ error: "required" })
  .int("quantityOutOfRange")
  .min(MIN_QUANTITY, "quantityOutOfRange")
  .max(MAX_QUANTITY, "quantityOutOfRange");

export const quoteLineSchema = z.object({
  planId: z.string({ error: "required" }).trim().regex(/^pln_[0-9A-Za-z]{1,40}$/, "invalid"),
  quantity: z.coerce.number({ error: "invalid" }).pipe(quantitySchema),
});

export const quoteRequestSchema = z.object({
  currency: currencyCodeSchema,
  lines: z
    .array(quoteLineSchema, { error: "required" })
    .min(1, "required")
    .max(MAX_QUOTE_LINES, "tooManyLines")
    .refine((lines) => new Set(lines.map((l) => l.planId)).size === lines.length, "duplicateLine"),
  promoCode: z.preprocess((v) => (v === "" ? undefined : v), promoCodeSchema.optional()),
  // a checkbox posts "on"; JSON sends a boolean
  useWallet: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")], "invalid")
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

export type QuoteRequestInput = z.input<typeof quoteRequestSchema>;
export type QuoteRequest = z.output<typeof quoteRequestSchema>;
