import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { CURRENCY_COOKIE, listStoreCurrencies, pickStoreCurrency, type StoreCurrencies } from "@/lib/catalog/storefront-currency";
import type { Locale } from "@/lib/i18n/locales";
import { CART_COOKIE, CART_COOKIE_MAX_AGE_SEC, parseCartCookie, serializeCart } from "./cart-cookie";
import type { Cart } from "./schemas";

// The edge between the storefront's entry points and its cookies: the cart and the chosen
// currency. httpOnly (scripts never read them), SameSite=Lax, Secure when the app is served over HTTPS.

function options() {
  return { httpOnly: true, sameSite: "lax" as const, secure: getEnv().APP_URL.startsWith("https:"), path: "/", maxAge: CART_COOKIE_MAX_AGE_SEC };
}

export async function readCart(): Promise<Cart> {
  return parseCartCookie((await cookies()).get(CART_COOKIE)?.value);
}

/** Only for server actions and route handlers (pages cannot set cookies). */
export async function writeCart(cart: Cart): Promise<void> {
  const jar = await cookies();
  if (cart.lines.length === 0) jar.delete(CART_COOKIE);
  else jar.set(CART_COOKIE, serializeCart(cart), options());
}

export async function readCurrencyPreference(): Promise<string | undefined> {
  return (await cookies()).get(CURRENCY_COOKIE)?.value;
}

export async function writeCurrencyPreference(currency: string): Promise<void> {
  (await cookies()).set(CURRENCY_COOKIE, currency, { ...options(), maxAge: 365 * 24 * 3600 });
}

/** The currency this visitor sees: their choice if the store offers it, else the locale's usual one, else the base. */
export async function getStorefrontCurrency(locale: Locale): Promise<{ currency: string; store: StoreCurrencies }> {
  const store = await listStoreCurrencies();
  return { currency: pickStoreCurrency(store, await readCurrencyPreference(), locale), store };
}
