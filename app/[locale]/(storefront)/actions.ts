"use server";

import { z } from "zod";
import { listStoreCurrencies } from "@/lib/catalog/storefront-currency";
import { writeCurrencyPreference } from "@/lib/cart/storefront-cookies";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject, parseInput } from "@/lib/http/parse-input";

const currencyForm = z.object({ currency: z.string({ error: "REQUIRED" }).trim().toUpperCase().regex(/^[A-Z]{3}$/, "UNKNOWN_CURRENCY") });

/** Stores the visitor's currency choice (only a currency the store offers). */
export async function setCurrencyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { currency } = parseInput(currencyForm, formToObject(form));
    const store = await listStoreCurrencies();
    if (!store.currencies.includes(currency)) {
      throw new AppError("VALIDATION_FAILED", "This currency is not offered.", { fields: { currency: ["UNKNOWN_CURRENCY"] } });
    }
    await writeCurrencyPreference(currency);
  });
}
