"use server";

import { getLocale } from "next-intl/server";
import { getViewer } from "@/lib/auth/guards";
import { addToCart } from "@/lib/cart/add-to-cart";
import { applyPromoCode } from "@/lib/cart/apply-promo-code";
import { removeCartLine } from "@/lib/cart/remove-cart-line";
import { setCartWallet } from "@/lib/cart/set-cart-wallet";
import { getStorefrontCurrency, readCart, writeCart } from "@/lib/cart/storefront-cookies";
import { updateCartLine } from "@/lib/cart/update-cart-line";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { isLocale, type Locale } from "@/lib/i18n/locales";

// Cart actions: parse the form, change the cart cookie through one lib/cart call, and let Next
// render the page again. A rejected change answers field errors and leaves the cookie as it was.

async function locale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : "en";
}

export async function addToCartAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(async () => await writeCart(await addToCart(await readCart(), { planId: input.planId, quantity: input.quantity })), { requestId });
}

export async function updateCartLineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(async () => await writeCart(updateCartLine(await readCart(), { planId: input.planId, quantity: input.quantity })), { requestId });
}

export async function removeCartLineAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(async () => await writeCart(removeCartLine(await readCart(), { planId: input.planId })), { requestId });
}

export async function applyPromoCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  const l = await locale();
  return runAction(async () => {
    const viewer = await getViewer();
    const { currency } = await getStorefrontCurrency(l);
    await writeCart(await applyPromoCode({ cart: await readCart(), currency, userId: viewer?.id ?? null, locale: l, promoCode: input.promoCode }));
  }, { requestId, values: { promoCode: String(input.promoCode ?? "").slice(0, 40) } });
}

export async function removePromoCodeAction(): Promise<ActionState> {
  return runAction(async () => await writeCart({ ...(await readCart()), promoCode: null }));
}

export async function setUseWalletAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(async () => {
    const viewer = await getViewer();
    const { currency } = await getStorefrontCurrency(await locale());
    await writeCart(await setCartWallet({ cart: await readCart(), userId: viewer?.id ?? null, currency, useWallet: input.useWallet }));
  }, { requestId });
}
