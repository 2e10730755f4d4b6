import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** What every form's server action returns. Never carries submitted passwords back. */
export type ActionState = {
  ok: boolean;
  code?: ErrorCode;
  message?: string;
  fields?: FieldErrors;
  retryAfterSec?: number;
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

/** Runs an action body and turns AppErrors into form state; unknown errors are logged, not shown. */
export async function runAction(
  body: () => Promise<ActionState | void>,
  options: { values?: Record<string, string>; requestId?: string } = {},
): Promise<ActionState> {
  try {
    return (await body()) ?? { ok: true };
  } catch (err) {
    // Next's redirect() and notFound() signal through exceptions: let them through.
    if (err && typeof err === "object" && "digest" in err && String((err as { digest: unknown }).digest).startsWith("NEXT_")) throw err;
    if (err instanceof AppError) {
      return { ok: false, code: err.code, message: err.message, fields: err.fields, retryAfterSec: err.retryAfterSec, values: options.values };
    }
    logger.error("action failed", { err, requestId: options.requestId });
    return { ok: false, code: "INTERNAL", values: options.values };
  }
}

/** Keeps only the fields safe to send back to the form (never passwords or tokens). */
export function echoValues(input: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in input).map((k) => [k, String(input[k]).slice(0, 300)]));
}
