"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/guards";
import { runAction } from "@/lib/http/action-state";
import { getRequestContext } from "@/lib/http/request-context";
import { importLicenses, type ImportReport } from "@/lib/licensing/import/import-licenses";
import type { ImportActionState, ImportRequest } from "@/components/admin/license-import-types";

// importLicenses checks the role itself (admins only), validates the input with its zod schema
// and writes the audit entry; this action only passes the request context along.
export async function importLicensesAction(request: ImportRequest): Promise<ImportActionState> {
  const ctx = await getRequestContext();
  let report: ImportReport | undefined;
  const state = await runAction(async () => {
    report = await importLicenses(await getViewer(), request, ctx);
  }, { requestId: ctx.requestId });
  if (report && !report.dryRun && report.created > 0) revalidatePath("/[locale]/admin/licenses", "page");
  return { ...state, report };
}
