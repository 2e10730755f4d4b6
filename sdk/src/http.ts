// One JSON request to the API with a timeout; failures become the SDK's error types.
import { KeyfrontApiError, KeyfrontNetworkError, KeyfrontVerificationError, parseRetryAfter } from "./errors.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type Transport = {
  baseUrl: string;
  fetch: FetchLike;
  locale?: string;
  timeoutMs: number;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function fieldsOf(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) fields[name] = messages.filter((m): m is string => typeof m === "string");
  }
  return fields;
}

/** Sends the request and returns the parsed JSON body of a 2xx answer. */
export async function requestJson(transport: Transport, method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (transport.locale) headers["accept-language"] = transport.locale;
  let res: Response;
  let text: string;
  try {
    res = await transport.fetch(`${transport.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    text = await res.text();
  } catch (err) {
    const message = timedOut ? `No answer from ${transport.baseUrl} within ${transport.timeoutMs} ms.` : `Cannot reach ${transport.baseUrl}.`;
    throw new KeyfrontNetworkError(message, { cause: err, timedOut });
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = text === "" ? null : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  if (res.status >= 400) {
    const error = isRecord(json) && isRecord(json.error) ? json.error : {};
    throw new KeyfrontApiError({
      status: res.status,
      code: typeof error.code === "string" ? error.code : `HTTP_${res.status}`,
      message: typeof error.message === "string" ? error.message : `The licensing API answered ${res.status}.`,
      fields: fieldsOf(error.fields),
      retryAfter: parseRetryAfter(res.headers.get("retry-after")),
      requestId: res.headers.get("x-request-id"),
    });
  }
  if (json === undefined || json === null) {
    throw new KeyfrontVerificationError("UNEXPECTED_RESPONSE", `${transport.baseUrl}${path} did not answer with JSON (status ${res.status}).`);
  }
  return json;
}
