import { PROMO_CODE_PATTERN } from "@/lib/promo/schemas";
import { z } from "zod";
import { MAX_QUANTITY, MAX_QUOTE_LINES, MIN_QUANTITY } from "@/lib/pricing/schemas";

// The cart the customer keeps in a cookie, and the inputs of the cart actions. A cart holds only
// what the customer asked for (plans and seat counts, a promo code, "use my wallet"); every price
// comes from the server's quote, so a tampered cookie can at worst ask for something else.
// Field errors are reason codes the UI translates (Cart.errors.*).

export const MAX_CART_LINES = MAX_QUOTE_LINES;
/** Above this the cookie is ignored as a whole (20 lines take well under 1 KB). */
export const MAX_CART_COOKIE_LENGTH = 2048;

export const planIdField = z.string({ error: "REQUIRED" }).trim().regex(/^pln_[0-9A-Z]{26}$/, "UNKNOWN_PLAN");

export const quantityField = z.coerce
  .number({ error: "QUANTITY_OUT_OF_RANGE" })
  .int("QUANTITY_OUT_OF_RANGE")
  .min(MIN_QUANTITY, "QUANTITY_OUT_OF_RANGE")
  .max(MAX_QUANTITY, "QUANTITY_OUT_OF_RANGE");

export const promoCodeField = z
  .string({ error: "INVALID_PROMO_CODE" })
  .trim()
  .toUpperCase()
  .regex(PROMO_CODE_PATTERN, "INVALID_PROMO_CODE");

export const cartLineSchema = z.object({ planId: planIdField, quantity: quantityField });
export type CartLine = z.output<typeof cartLineSchema>;

export type Cart = { lines: CartLine[]; promoCode: string | null; useWallet: boolean };
export const EMPTY_CART: Cart = { lines: [], promoCode: null, useWallet: false };

/** Form input of "Add to cart" and "Update quantity". */
export const setCartLineSchema = z.object({ planId: planIdField, quantity: quantityField });
export type SetCartLineInput = z.input<typeof setCartLineSchema>;

export const removeCartLineSchema = z.object({ planId: planIdField });

export const applyPromoCodeSchema = z.object({ promoCode: promoCodeField });

export const useWalletSchema = z.object({
  // a checkbox posts "on" when ticked and nothing when not
  useWallet: z.union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")], { error: "INVALID" }).optional()
    .transform((v) => v === "on" || v === "true"),
});
