// What every answer of /api/v1 must look like, whatever was sent.
import type { EndpointDoc } from "@/lib/api/v1/registry";
import { ERROR_STATUS } from "@/lib/errors";
import { DECISION_CODES } from "@/lib/licensing/codes";
import type { ApiAnswer } from "./serving-paths";

/** Problems with one answer (empty when it is well-formed). */
export function answerProblems(doc: Pick<EndpointDoc, "tag" | "response"> | null, a: ApiAnswer): string[] {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`status ${a.status}`);
  const body = a.json as { error?: { code?: unknown; message?: unknown }; valid?: unknown; code?: unknown; openapi?: unknown } | string;
  if (a.status < 200 || a.status >= 300) {
    const code = typeof body === "object" && body?.error ? body.error.code : undefined;
    if (typeof body !== "object" || !body?.error || typeof body.error.message !== "string") problems.push(`no error envelope: ${a.text.slice(0, 120)}`);
    else if (typeof code !== "string" || !(code in ERROR_STATUS)) problems.push(`unknown error code ${String(code)}`);
    else if (ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== a.status) problems.push(`code ${code} with status ${a.status}`);
    if (a.status === 429 && !a.headers["retry-after"]) problems.push("429 without Retry-After");
  } else if (typeof body !== "object" || body === null) {
    problems.push(`2xx without a JSON object: ${a.text.slice(0, 120)}`);
  } else if (doc === null) {
    if (body.openapi !== "3.1.0") problems.push("not an OpenAPI 3.1 document");
  } else {
    if (doc.tag === "Licensing" && (typeof body.valid !== "boolean" || !DECISION_CODES.includes(body.code as never))) problems.push(`not a decision: ${a.text.slice(0, 120)}`);
    const parsed = doc.response.safeParse(body);
    if (!parsed.success) problems.push(`response schema: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ").slice(0, 200)}`);
  }
  if (!a.headers["x-request-id"]) problems.push("no x-request-id header");
  return problems;
}

/** The stable part of an answer, for comparing the two serving paths. */
export function outcome(a: ApiAnswer): string {
  const body = a.json as { error?: { code?: string }; code?: string } | null;
  return `${a.status} ${body?.error?.code ?? body?.code ?? ""}`;
}
