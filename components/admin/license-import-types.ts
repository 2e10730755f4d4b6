import type { ActionState } from "@/lib/http/action-state";
import type { ImportReport } from "@/lib/licensing/import/import-licenses";
import type { ImportFormat } from "@/lib/licensing/import/import-record";

export type ImportRequest = { format: ImportFormat; file: string; mapping: Record<string, { productId: string; planId: string }>; dryRun: boolean; strict: boolean };
export type ImportActionState = ActionState & { report?: ImportReport };
