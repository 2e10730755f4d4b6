"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { ActionState } from "@/lib/http/action-state";
import { createProduct } from "@/lib/catalog/create-product";
import { runCatalogAction } from "./run-catalog-action";

export async function createProductAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const state = await runCatalogAction(createProduct, form, (r) => { createdId = r.id; });
  if (createdId) redirect(`/${await getLocale()}/admin/products/${createdId}`);
  return state;
}
