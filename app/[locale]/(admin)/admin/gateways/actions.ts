"use server";

import type { ActionState } from "@/lib/http/action-state";
import { updateGatewayCredentials } from "@/lib/payments/update-gateway-credentials";
import { runAction } from "@/lib/http/action-state";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";

// The use case checks the role (admins only) and audits by field name. Submitted values are never
// echoed back to the form: they are secrets.
export async function saveGatewayCredentialsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const state = await runAction(async () => updateGatewayCredentials(await getViewer(), formToObject(form), ctx), { requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/gateways", "page");
  return state;
}
