"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { ActionState } from "@/lib/http/action-state";
import { createPromoCode } from "@/lib/promo/create-promo-code";
import { updatePromoCode } from "@/lib/promo/update-promo-code";
import { deactivatePromoCode } from "@/lib/promo/deactivate-promo-code";
import { runCatalogAction } from "../products/run-catalog-action";

// Each use case checks the role itself (admins only) and audits its change in its transaction.

export async function createPromoCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const state = await runCatalogAction(createPromoCode, form, (r) => { createdId = r.id; });
  if (createdId) redirect(`/${await getLocale()}/admin/promo-codes/${createdId}`);
  return state;
}

export async function updatePromoCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(updatePromoCode, form);
}

export async function deactivatePromoCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(deactivatePromoCode, form);
}
