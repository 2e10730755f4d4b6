"use server";

import { getLocale } from "next-intl/server";
import { requireViewer } from "@/lib/auth/guards";
import { signOut } from "@/lib/auth/config";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { updateProfile } from "@/lib/users/update-profile";
import { echoValues, runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(async () => {
    const viewer = await requireViewer();
    await updateProfile(viewer.id, input);
  }, { values: echoValues(input, ["name", "locale"]), requestId });
}

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  const { ip } = await getRequestContext();
  await signOutEverywhere(viewer.id, ip);
  await signOut({ redirectTo: `/${await getLocale()}/sign-in` });
}
