"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { runAction } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { releaseOwnActivation } from "@/lib/licensing/release-own-activation";
import { revealOwnLicenseKey, rotateOwnLicenseKey } from "@/lib/licensing/own-license-keys";
import type { KeyActionState, ReleaseActionState } from "@/components/licensing/action-states";

// Ownership is checked inside the lib functions: another customer's license or activation id
// answers NOT_FOUND and changes nothing, whoever sends the request.
function refresh() {
  revalidatePath("/[locale]/account/licenses/[id]", "page");
  revalidatePath("/[locale]/account/licenses", "page");
}

export async function revealOwnKeyAction(_prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const ctx = await getRequestContext();
  let key: string | undefined;
  const state = await runAction(async () => {
    key = await revealOwnLicenseKey(await getViewer(), formToObject(form), ctx);
  }, { requestId: ctx.requestId });
  return { ...state, key };
}

export async function rotateOwnKeyAction(_prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const ctx = await getRequestContext();
  let key: string | undefined;
  const state = await runAction(async () => {
    key = (await rotateOwnLicenseKey(await getViewer(), formToObject(form), ctx)).key;
  }, { requestId: ctx.requestId });
  if (state.ok) refresh();
  return { ...state, key };
}

export async function releaseOwnActivationAction(_prev: ReleaseActionState, form: FormData): Promise<ReleaseActionState> {
  const ctx = await getRequestContext();
  let decision: ReleaseActionState["decision"];
  const state = await runAction(async () => {
    decision = (await releaseOwnActivation(await getViewer(), formToObject(form), ctx)).code;
  }, { requestId: ctx.requestId });
  if (decision === "DEACTIVATED") refresh();
  return { ...state, decision };
}
