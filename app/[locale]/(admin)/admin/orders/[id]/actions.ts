"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { refundOrderByForm } from "@/lib/orders/refund-order-by-form";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";

// The use case checks the role (admins only) and audits the refund in its transaction.
export async function refundOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const input = formToObject(form);
  const values = { amount: input.amount ?? "", reason: (input.reason ?? "").slice(0, 500), confirmFull: input.confirmFull ?? "", $submitted: "1" };
  const state = await runAction(async () => {
    await refundOrderByForm(await getViewer(), input, ctx);
  }, { values, requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/orders/[id]", "page");
  return state;
}
