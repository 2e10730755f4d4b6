"use server";

import type { ActionState } from "@/lib/http/action-state";
import { setExchangeRate } from "@/lib/catalog/set-exchange-rate";
import { removeExchangeRate } from "@/lib/catalog/remove-exchange-rate";
import { setBaseCurrency } from "@/lib/catalog/set-base-currency";
import { runCatalogAction } from "../products/run-catalog-action";

// Each use case checks the role itself (admins only) and audits its change in its transaction.

export async function setRateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(setExchangeRate, form);
}

export async function removeRateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(removeExchangeRate, form);
}

export async function setBaseCurrencyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(setBaseCurrency, form);
}
