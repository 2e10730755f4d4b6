"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { adjustWalletByForm } from "@/lib/wallet/adjust-wallet-by-form";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";

// The use case checks the role (admins only) and audits the entry in its transaction.
export async function adjustWalletAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const input = formToObject(form);
  const values = { currency: input.currency ?? "", amount: input.amount ?? "", reason: (input.reason ?? "").slice(0, 500) };
  const state = await runAction(async () => {
    await adjustWalletByForm(await getViewer(), input, ctx);
  }, { values, requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/users/[id]", "page");
  return state;
}
