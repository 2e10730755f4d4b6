"use server";

import type { ActionState } from "@/lib/http/action-state";
import { updateProduct } from "@/lib/catalog/update-product";
import { saveProductTranslation } from "@/lib/catalog/save-product-translation";
import { removeProductTranslation } from "@/lib/catalog/remove-product-translation";
import { createPlan } from "@/lib/catalog/create-plan";
import { updatePlan } from "@/lib/catalog/update-plan";
import { archivePlan } from "@/lib/catalog/archive-plan";
import { setPlanPrice } from "@/lib/catalog/set-plan-price";
import { removePlanPrice } from "@/lib/catalog/remove-plan-price";
import { setVolumeTiers } from "@/lib/catalog/set-volume-tiers";
import { runCatalogAction } from "../run-catalog-action";

// Each use case checks the role itself (admins only) and audits its change in its transaction.

export async function updateProductAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(updateProduct, form);
}

export async function saveTranslationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(saveProductTranslation, form);
}

export async function removeTranslationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(removeProductTranslation, form);
}

export async function createPlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(createPlan, form);
}

export async function updatePlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(updatePlan, form);
}

export async function archivePlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(archivePlan, form);
}

export async function setPriceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(setPlanPrice, form);
}

export async function removePriceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(removePlanPrice, form);
}

export async function setTiersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runCatalogAction(setVolumeTiers, form);
}
