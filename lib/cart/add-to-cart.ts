import { db, type DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { MAX_QUANTITY } from "@/lib/pricing/schemas";
import { MAX_CART_LINES, setCartLineSchema, type Cart } from "./schemas";

/**
 * Adds seats of a plan on sale to the cart (to the line already there, if any). Throws
 * VALIDATION_FAILED with a reason per field (UNKNOWN_PLAN, QUANTITY_OUT_OF_RANGE, TOO_MANY_LINES);
 * the caller writes the cookie only when this returns.
 */
export async function addToCart(cart: Cart, input: { planId?: unknown; quantity?: unknown }, client: DbOrTx = db): Promise<Cart> {
  const { planId, quantity } = parseInput(setCartLineSchema, input);
  const plan = await client.plan.findFirst({ where: { id: planId, active: true, product: { active: true } }, select: { id: true } });
  if (!plan) throw new AppError("VALIDATION_FAILED", "This plan is not on sale.", { fields: { planId: ["UNKNOWN_PLAN"] } });
  const existing = cart.lines.find((l) => l.planId === planId);
  if (!existing && cart.lines.length >= MAX_CART_LINES) {
    throw new AppError("VALIDATION_FAILED", `A cart holds at most ${MAX_CART_LINES} plans.`, { fields: { planId: ["TOO_MANY_LINES"] } });
  }
  const total = (existing?.quantity ?? 0) + quantity;
  if (total > MAX_QUANTITY) {
    throw new AppError("VALIDATION_FAILED", `At most ${MAX_QUANTITY} seats per plan.`, { fields: { quantity: ["QUANTITY_OUT_OF_RANGE"] } });
  }
  const lines = existing
    ? cart.lines.map((l) => (l.planId === planId ? { planId, quantity: total } : l))
    : [...cart.lines, { planId, quantity }];
  return { ...cart, lines };
}
