import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { priceCart } from "./price-cart";
import { applyPromoCodeSchema, type Cart } from "./schemas";

/**
 * Puts a promo code on the cart if it applies to it now (for this customer, in this currency).
 * Throws VALIDATION_FAILED with the promo's reason code (UNKNOWN_PROMO_CODE, EXPIRED,
 * GLOBAL_LIMIT_REACHED, MIN_ORDER_NOT_MET, …) under `promoCode` otherwise. Reserves nothing:
 * the code is redeemed when the order is created.
 */
export async function applyPromoCode(input: { cart: Cart; currency: string; userId: string | null; locale: string; promoCode: unknown }): Promise<Cart> {
  const { promoCode } = parseInput(applyPromoCodeSchema, { promoCode: input.promoCode });
  if (input.cart.lines.length === 0) throw new AppError("VALIDATION_FAILED", "The cart is empty.", { fields: { promoCode: ["CART_EMPTY"] } });
  const cart: Cart = { ...input.cart, promoCode };
  const priced = await priceCart({ cart, currency: input.currency, userId: input.userId, locale: input.locale });
  if (priced.promoIssue) {
    throw new AppError("VALIDATION_FAILED", "This promo code cannot be applied to this order.", { fields: { promoCode: [priced.promoIssue] } });
  }
  if (!priced.quote) throw new AppError("VALIDATION_FAILED", "Nothing in the cart can be bought.", { fields: { promoCode: ["CART_EMPTY"] } });
  return cart;
}
