"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { echoValues, runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import {
  adminExtendLicense, adminReinstateLicense, adminReleaseActivation, adminResetActivations,
  adminRevealLicenseKey, adminRevokeLicense, adminRotateLicenseKey, adminSuspendLicense,
} from "@/lib/licensing/admin-license-actions";
import type { KeyActionState, ReleaseActionState } from "@/components/licensing/action-states";

// Every function below checks the role itself (admins only) and writes its audit entry;
// these actions only parse the form, pass the request context and refresh the pages.
type Change = typeof adminSuspendLicense;

function refresh() {
  revalidatePath("/[locale]/admin/licenses/[id]", "page");
  revalidatePath("/[locale]/admin/licenses", "page");
}

async function change(fn: Change, form: FormData, echo: readonly string[] = []): Promise<ActionState> {
  const ctx = await getRequestContext();
  const input = formToObject(form);
  const state = await runAction(async () => {
    await fn(await getViewer(), input, ctx);
  }, { values: echoValues(input, echo), requestId: ctx.requestId });
  if (state.ok) refresh();
  return state;
}

export async function suspendLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return change(adminSuspendLicense, form, ["reason"]);
}

export async function reinstateLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return change(adminReinstateLicense, form);
}

export async function revokeLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return change(adminRevokeLicense, form, ["reason"]);
}

export async function extendLicenseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return change(async (viewer, input, ctx) => {
    await adminExtendLicense(viewer, input, ctx);
  }, form, ["days"]);
}

export async function resetActivationsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return change(adminResetActivations, form);
}

export async function releaseActivationAction(_prev: ReleaseActionState, form: FormData): Promise<ReleaseActionState> {
  const ctx = await getRequestContext();
  let decision: ReleaseActionState["decision"];
  const state = await runAction(async () => {
    decision = (await adminReleaseActivation(await getViewer(), formToObject(form), ctx)).code;
  }, { requestId: ctx.requestId });
  if (decision === "DEACTIVATED") refresh();
  return { ...state, decision };
}

export async function revealKeyAction(_prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const ctx = await getRequestContext();
  let key: string | undefined;
  const state = await runAction(async () => {
    key = await adminRevealLicenseKey(await getViewer(), formToObject(form), ctx);
  }, { requestId: ctx.requestId });
  return { ...state, key };
}

export async function rotateKeyAction(_prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const ctx = await getRequestContext();
  let key: string | undefined;
  const state = await runAction(async () => {
    key = (await adminRotateLicenseKey(await getViewer(), formToObject(form), ctx)).key;
  }, { requestId: ctx.requestId });
  if (state.ok) refresh();
  return { ...state, key };
}
