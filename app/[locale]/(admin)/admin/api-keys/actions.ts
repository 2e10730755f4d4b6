"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getViewer } from "@/lib/auth/guards";
import { echoValues, runAction, type ActionState } from "@/lib/http/action-state";
import { parseInput } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";

// createApiKey and revokeApiKey check the role themselves (admins only).
export type CreateKeyState = ActionState & { key?: string; prefix?: string };

const revokeInput = z.object({ id: z.string().regex(/^key_[0-9A-Z]{26}$/, "invalid") });

export async function createApiKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const ctx = await getRequestContext();
  const days = String(form.get("expiresInDays") ?? "").trim();
  const input = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String), ...(days ? { expiresInDays: days } : {}) };
  let created: { key: string; prefix: string } | undefined;
  const state = await runAction(async () => {
    created = await createApiKey(await getViewer(), input, ctx);
  }, { values: echoValues({ name: input.name, expiresInDays: days, scopes: input.scopes.join(",") }, ["name", "expiresInDays", "scopes"]), requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/api-keys", "page");
  return { ...state, ...(created ? { key: created.key, prefix: created.prefix } : {}) };
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getRequestContext();
  const state = await runAction(async () => {
    const { id } = parseInput(revokeInput, { id: form.get("id") });
    await revokeApiKey(await getViewer(), id, ctx);
  }, { requestId: ctx.requestId });
  if (state.ok) revalidatePath("/[locale]/admin/api-keys", "page");
  return state;
}
