import { AppError, errorBody } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { decodeBody, MAX_BODY_BYTES, newRequestId, runEndpoint, type Endpoint } from "./endpoint";

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The body as text, or null past MAX_BODY_BYTES (declared or streamed: never buffered beyond it). */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(r.value);
  }
  return decodeBody(Buffer.concat(chunks));
}

/** Serves an endpoint as a Next.js route handler. */
export function routeHandler(endpoint: Endpoint) {
  return async (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = newRequestId(request.headers.get(REQUEST_ID_HEADER));
    const body = await readBody(request);
    if (body === null) {
      return respond(413, errorBody(new AppError("PAYLOAD_TOO_LARGE", "The body is too large.")), { [REQUEST_ID_HEADER]: requestId });
    }
    const raw = await ctx.params;
    const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
    const result = await runEndpoint(endpoint, {
      method: request.method, params, query: new URL(request.url).searchParams,
      header: (name) => request.headers.get(name), body, ip: clientIpFrom(request.headers), requestId,
    });
    return respond(result.status, result.body, result.headers);
  };
}
