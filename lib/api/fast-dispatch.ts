import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, errorBody } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { clientIpFrom } from "@/lib/http/client-ip";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { MAX_BODY_BYTES, newRequestId, runEndpoint, type ApiResult, type Endpoint } from "./endpoint";

// Serves the licensing API straight from node:http, before Next's request pipeline, with the
// same endpoint definitions the route handlers use. Returns false for anything it does not own.
type Compiled = { endpoint: Endpoint; pattern: RegExp; names: string[] };

function compile(endpoint: Endpoint): Compiled {
  const names: string[] = [];
  const source = endpoint.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { endpoint, pattern: new RegExp(`^${source}/?$`), names };
}

const BASE_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" };

function send(res: ServerResponse, result: ApiResult) {
  const body = JSON.stringify(result.body);
  res.writeHead(result.status, { ...BASE_HEADERS, ...result.headers, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function createFastDispatcher(endpoints: Endpoint[]) {
  const table = endpoints.map(compile);
  const prefixes = [...new Set(endpoints.map((e) => e.path.split("/").slice(0, 3).join("/") + "/"))];

  return async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = req.url ?? "/";
    if (!prefixes.some((p) => url.startsWith(p))) return false;
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    let match: RegExpExecArray | null = null;
    const route = table.find((r) => r.endpoint.method === req.method && (match = r.pattern.exec(path)) !== null);
    if (!route || !match) return false;
    const headers = req.headers;
    const get = (name: string) => {
      const v = headers[name];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    };
    const requestId = newRequestId(get(REQUEST_ID_HEADER));
    const body = await readBody(req);
    if (body === null) {
      send(res, { status: 413, body: errorBody(new AppError("PAYLOAD_TOO_LARGE", "The body is too large.")), headers: { [REQUEST_ID_HEADER]: requestId } });
      return true;
    }
    // Behind proxies the forwarding chain names the client; without one, the socket does.
    const forwarded = getEnv().TRUSTED_PROXY_HOPS > 0 ? get("x-forwarded-for") : null;
    const chain = forwarded ?? req.socket.remoteAddress ?? "unknown";
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent((match as RegExpExecArray)[i + 1]!)));
    const result = await runEndpoint(route.endpoint, {
      method: req.method!, params, query: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)), header: get, body,
      ip: clientIpFrom({ get: (n) => (n === "x-forwarded-for" ? chain : null) }), requestId,
    });
    send(res, result);
    return true;
  };
}
