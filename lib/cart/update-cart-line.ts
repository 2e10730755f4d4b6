import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { setCartLineSchema, type Cart } from "./schemas";

/** Sets the seat count of a line already in the cart; VALIDATION_FAILED (NOT_IN_CART, QUANTITY_OUT_OF_RANGE) otherwise. */
export function updateCartLine(cart: Cart, input: { planId?: unknown; quantity?: unknown }): Cart {
  const { planId, quantity } = parseInput(setCartLineSchema, input);
  if (!cart.lines.some((l) => l.planId === planId)) {
    throw new AppError("VALIDATION_FAILED", "This plan is not in the cart.", { fields: { planId: ["NOT_IN_CART"] } });
  }
  return { ...cart, lines: cart.lines.map((l) => (l.planId === planId ? { planId, quantity } : l)) };
}
