import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/roles";
import { runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import type { CatalogContext } from "@/lib/catalog/catalog-access";

type UseCase<R> = (viewer: Viewer | null, input: unknown, ctx: CatalogContext) => Promise<R>;

/**
 * Runs one catalog use case for a form post: the use case checks the role and writes the audit
 * entry. A failed post gets its values back (catalog forms hold no secrets) so the form keeps
 * them; a successful one refreshes every page that shows the catalog.
 */
export async function runCatalogAction<R>(useCase: UseCase<R>, form: FormData, onDone?: (result: R) => void): Promise<ActionState> {
  const ctx = await getRequestContext();
  const input = formToObject(form);
  const values = Object.fromEntries([...Object.entries(input).map(([k, v]) => [k, v.slice(0, 5000)]), ["$submitted", "1"]]);
  let result: R | undefined;
  const state = await runAction(async () => {
    result = await useCase(await getViewer(), input, ctx);
  }, { values, requestId: ctx.requestId });
  if (state.ok) {
    revalidatePath("/[locale]", "layout");
    onDone?.(result as R);
  }
  return state;
}
