"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { setUserRole, setUserSuspended } from "@/lib/users/admin-update-user";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";

// Authorization happens inside the domain functions (admins only), whoever calls these actions.
export async function setUserSuspendedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const state = await runAction(async () => setUserSuspended(await getViewer(), formToObject(form), ctx), { requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/users", "page");
  return state;
}

export async function setUserRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const state = await runAction(async () => setUserRole(await getViewer(), formToObject(form), ctx), { requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/users", "page");
  return state;
}
