import { parseInput } from "@/lib/http/parse-input";
import { removeCartLineSchema, type Cart } from "./schemas";

/** The cart without the plan's line (removing a line that is not there changes nothing). */
export function removeCartLine(cart: Cart, input: { planId?: unknown }): Cart {
  const { planId } = parseInput(removeCartLineSchema, input);
  const lines = cart.lines.filter((l) => l.planId !== planId);
  return { ...cart, lines, promoCode: lines.length ? cart.promoCode : null };
}
