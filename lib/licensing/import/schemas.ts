import { z } from "zod";
import { IMPORT_FORMATS } from "./import-record";

// Bounds of one import: the file is read into memory and written in one transaction.
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_SOURCE_PRODUCTS = 200;

const id = z.string().trim().min(1, "required").max(64, "tooLong");

/** One source product (or variant) → the Keyfront product and plan its licenses move to. */
export const productMappingSchema = z.object({ productId: id, planId: id });

export const importLicensesSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: "invalid" }),
  file: z
    .string({ error: "required" })
    .min(1, "required")
    .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_IMPORT_BYTES, "fileTooLarge"),
  /** keyed by sourceProductKey(); source products left out are row errors */
  mapping: z.record(z.string().max(400), productMappingSchema).default({}).refine((m) => Object.keys(m).length <= MAX_SOURCE_PRODUCTS, "tooMany"),
  dryRun: z.boolean().default(true),
  /** strict (the default): one bad row and nothing is written */
  strict: z.boolean().default(true),
});

export type ImportLicensesInput = z.input<typeof importLicensesSchema>;
export type ImportLicensesData = z.output<typeof importLicensesSchema>;
