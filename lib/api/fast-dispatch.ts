import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, errorBody } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientIpFrom } from "@/lib/http/client-ip";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { corsHeaders } from "@/lib/http/cors";
import { decodeBody, JsonBody, MAX_BODY_BYTES, newRequestId, runEndpoint, type ApiResult, type Endpoint } from "./endpoint";

// Serves the licensing API straight from node:http, before Next's request pipeline, with the
// same endpoint definitions the route handlers use. Returns false for anything it does not own.
type Compiled = { endpoint: Endpoint; pattern: RegExp; names: string[]; headers: Record<string, string> };

const BASE_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" };

function compile(endpoint: Endpoint): Compiled {
  const names: string[] = [];
  const source = endpoint.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { endpoint, pattern: new RegExp(`^${source}/?$`), names, headers: { ...BASE_HEADERS, ...corsHeaders(endpoint.path) } };
}

// Answers are written in bursts: once the event loop has run the requests that arrived together
// (setImmediate), or every FLUSH_AT answers when thousands of connections keep the loop reading.
// Clients on the same host (a reverse proxy, the load generator) are then woken once per burst
// instead of once per answer, which costs both sides a wake-up each.
const FLUSH_AT = 64;
type Unsent = { res: ServerResponse; status: number; headers: Record<string, string | number>; body: Buffer | string };
let unsent: Unsent[] = [];

function flush() {
  const batch = unsent;
  unsent = [];
  for (const { res, status, headers, body } of batch) {
    // Outside the request's promise now: one answer that cannot be written must not stop the others.
    try {
      res.writeHead(status, headers).end(body);
    } catch (err) {
      logger.error("answer could not be written", { err, status });
      res.destroy();
    }
  }
}

function send(res: ServerResponse, result: ApiResult, route: Compiled) {
  const body = result.body instanceof JsonBody ? result.body.bytes : JSON.stringify(result.body);
  const headers: Record<string, string | number> = { ...route.headers, ...result.headers, "content-length": Buffer.byteLength(body) };
  const waiting = unsent.push({ res, status: result.status, headers, body });
  if (waiting === 1) setImmediate(flush);
  else if (waiting >= FLUSH_AT) flush();
}

const DRAIN_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(null);
      // Drop what follows instead of cutting the connection at once, so a client streaming a
      // chunked body still reads its 413; one that keeps sending much more is cut off.
      if (size > MAX_BODY_BYTES + DRAIN_BYTES) req.destroy();
    });
    req.on("end", () => resolve(decodeBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** The path parameters, percent-decoded; null when a segment is not valid percent-encoding. */
function decodeParams(route: Compiled, match: RegExpExecArray): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [i, name] of route.names.entries()) {
    try {
      params[name] = decodeURIComponent(match[i + 1]!);
    } catch {
      return null;
    }
  }
  return params;
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
    // Like Next.js: a path segment that is not valid percent-encoding is a 400, before the body.
    const params = decodeParams(route, match);
    if (!params) {
      send(res, { status: 400, body: errorBody(new AppError("BAD_REQUEST", "The path is not valid percent-encoding.")), headers: { [REQUEST_ID_HEADER]: requestId } }, route);
      return true;
    }
    const body = await readBody(req);
    if (body === null) {
      send(res, { status: 413, body: errorBody(new AppError("PAYLOAD_TOO_LARGE", "The body is too large.")), headers: { [REQUEST_ID_HEADER]: requestId, connection: "close" } }, route);
      return true;
    }
    // Behind proxies the forwarding chain names the client; without one, the socket does.
    const forwarded = getEnv().TRUSTED_PROXY_HOPS > 0 ? get("x-forwarded-for") : null;
    const chain = forwarded ?? req.socket.remoteAddress ?? "unknown";
    const result = await runEndpoint(route.endpoint, {
      method: req.method!, params, query: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)), header: get, body,
      ip: clientIpFrom({ get: (n) => (n === "x-forwarded-for" ? chain : null) }), requestId,
    });
    send(res, result, route);
    return true;
  };
}
