import { cartLineSchema, EMPTY_CART, MAX_CART_COOKIE_LENGTH, MAX_CART_LINES, promoCodeField, type Cart, type CartLine } from "./schemas";

// The cart cookie's wire format: {"l":[["pln_…",3],…],"p":"CODE","w":1}. Reading never throws:
// anything that does not parse is dropped (a broken cookie is an empty cart, a bad line is
// skipped, duplicates keep the first), and at most MAX_CART_LINES lines are kept.

export const CART_COOKIE = "kf_cart";
export const CART_COOKIE_MAX_AGE_SEC = 30 * 24 * 3600;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function readLines(value: unknown): CartLine[] {
  if (!Array.isArray(value)) return [];
  const lines: CartLine[] = [];
  const seen = new Set<string>();
  for (const entry of value.slice(0, MAX_CART_LINES * 2)) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const line = cartLineSchema.safeParse({ planId: entry[0], quantity: typeof entry[1] === "number" ? entry[1] : Number.NaN });
    if (!line.success || seen.has(line.data.planId)) continue;
    seen.add(line.data.planId);
    lines.push(line.data);
    if (lines.length === MAX_CART_LINES) break;
  }
  return lines;
}

/** The cart in a cookie value; an absent, oversized or malformed cookie is an empty cart. */
export function parseCartCookie(raw: string | undefined | null): Cart {
  if (!raw || raw.length > MAX_CART_COOKIE_LENGTH) return { ...EMPTY_CART, lines: [] };
  const data = parseJson(raw);
  if (!data || typeof data !== "object" || Array.isArray(data)) return { ...EMPTY_CART, lines: [] };
  const record = data as Record<string, unknown>;
  const lines = readLines(record.l);
  const promo = promoCodeField.safeParse(record.p);
  return { lines, promoCode: promo.success ? promo.data : null, useWallet: record.w === 1 };
}

/** The cookie value for a cart (lines beyond the limit are not written). */
export function serializeCart(cart: Cart): string {
  const body: { l: [string, number][]; p?: string; w?: 1 } = { l: cart.lines.slice(0, MAX_CART_LINES).map((l) => [l.planId, l.quantity]) };
  if (cart.promoCode) body.p = cart.promoCode;
  if (cart.useWallet) body.w = 1;
  return JSON.stringify(body);
}
