"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";

// Ownership is checked in cancelSubscription: another customer's subscription answers NOT_FOUND.
export async function cancelSubscriptionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const state = await runAction(async () => {
    await cancelSubscription(await getViewer(), formToObject(form), ctx);
  }, { requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/account/subscriptions", "page");
  return state;
}
