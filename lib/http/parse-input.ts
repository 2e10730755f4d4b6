import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses input with a schema; on failure throws VALIDATION_FAILED with every field's errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields });
}

/** Converts FormData to a plain object of strings (files and repeated keys are ignored). */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in out) && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}
