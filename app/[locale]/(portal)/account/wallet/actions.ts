"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireViewer } from "@/lib/auth/guards";
import { echoValues, runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { isLocale } from "@/lib/i18n/locales";
import { topUpByForm } from "@/lib/wallet/top-up-by-form";

/** "Top up": the order for the signed-in customer, then off to the gateway's payment page. */
export async function topUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  const l = await getLocale();
  const locale = isLocale(l) ? l : "en";
  let next: string | null = null;
  const state = await runAction(async () => {
    const viewer = await requireViewer();
    next = (await topUpByForm({ userId: viewer.id, locale, form: input })).url;
  }, { values: echoValues(input, ["amount", "currency", "gateway"]), requestId });
  if (next) redirect(next);
  return state;
}
