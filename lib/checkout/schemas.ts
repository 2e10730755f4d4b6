import { z } from "zod";
import { MAX_QUOTE_LINES } from "@/lib/pricing/schemas";

// Input of the checkout use cases. Every field error is a reason code the UI translates; the
// pricing rules (quantity range, duplicates, currency, prices) are checked by computeQuote with
// the same codes, so this schema only rejects shapes that cannot be a cart at all.

export const CHECKOUT_INPUT_ERRORS = ["REQUIRED", "INVALID", "TOO_MANY_LINES", "INVALID_PROMO_CODE"] as const;

export const userIdField = z.string({ error: "REQUIRED" }).regex(/^usr_[0-9A-Z]{26}$/, "INVALID");
export const orderIdField = z.string({ error: "REQUIRED" }).regex(/^ord_[0-9A-Z]{26}$/, "INVALID");

export const cartLineSchema = z.object(
  {
    planId: z.string({ error: "REQUIRED" }).trim().min(1, "REQUIRED").max(64, "INVALID"),
    // Range and integrality are pricing rules: computeQuote answers QUANTITY_OUT_OF_RANGE.
    quantity: z.number({ error: "INVALID" }).finite("INVALID"),
  },
  { error: "INVALID" },
);

export const cartSchema = z.object({
  currency: z.string({ error: "REQUIRED" }).trim().toUpperCase().max(8, "INVALID"),
  lines: z.array(cartLineSchema, { error: "REQUIRED" }).max(MAX_QUOTE_LINES, "TOO_MANY_LINES"),
  promoCode: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.string({ error: "INVALID_PROMO_CODE" }).trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{1,30}[A-Z0-9]$/, "INVALID_PROMO_CODE").optional(),
  ),
  useWallet: z.boolean({ error: "INVALID" }).optional().default(false),
});

export const quoteCartSchema = cartSchema.extend({
  userId: userIdField.nullable(),
  now: z.date().optional(),
});

export type QuoteCartInput = z.input<typeof quoteCartSchema>;
export type CartLineInput = z.input<typeof cartLineSchema>;
