import { z } from "zod";
import { runLicenseImport } from "@/lib/licensing/import/import-licenses";
import { IMPORT_FORMATS } from "@/lib/licensing/import/import-record";
import { importLicensesSchema } from "@/lib/licensing/import/schemas";
import { parseBody, type Endpoint } from "../endpoint";
import { principal } from "./admin-license-endpoints";

// The license import of the admin panel for integrations: the same use case, authorized by an
// API key with licenses:write. The body limit of the API (64 KB) bounds the file: larger exports
// go through /admin/licenses/import or are sent in parts.
export const importLicensesBody = importLicensesSchema.describe(
  `Export file as text (format: ${IMPORT_FORMATS.join(", ")}), the mapping of source products to Keyfront plans, dryRun (default true) and strict (default true)`,
);

const rowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  source: z.string(),
  rowCount: z.number().int(),
  created: z.number().int(),
  alreadyImported: z.number().int(),
  customersCreated: z.number().int(),
  activations: z.number().int(),
  blocked: z.boolean(),
  errors: z.array(rowError),
  sourceProducts: z.array(z.object({ key: z.string(), id: z.string(), name: z.string().nullable(), variantId: z.string().nullable(), rows: z.number().int(), mapped: z.boolean() })),
  rows: z.array(z.object({ row: z.number().int(), sourceId: z.string(), keyHint: z.string(), email: z.string().nullable(), sourceProduct: z.string(), activations: z.number().int(), outcome: z.enum(["new", "alreadyImported", "error"]) })),
});

export const importLicensesEndpoint: Endpoint = {
  id: "adminImportLicenses",
  method: "POST",
  path: "/api/v1/admin/licenses/import",
  async handle(req) {
    const p = await principal(req, "licenses:write");
    const input = parseBody(req, importLicensesBody);
    const report = await runLicenseImport({ ...p.actor }, input);
    return { status: 200, body: report, headers: p.headers };
  },
};
