// Sends one request through either serving path of /api/v1: the fast dispatcher (over a real
// node:http socket, raw path and raw body bytes exactly as given) or the Next.js route handler
// (the exported GET/POST of app/api/v1/**/route.ts, called as Next calls it).
import http from "node:http";

export type ApiCall = {
  method: "GET" | "POST";
  /** raw request target, percent-encoding as sent on the wire */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
};

export type ApiAnswer = { status: number; headers: Record<string, string>; text: string; json: unknown };

type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = { GET?: Handler; POST?: Handler };

// Every route file under app/api/v1, by the endpoint path pattern it serves.
export const ROUTE_MODULES: Record<string, () => Promise<RouteModule>> = {
  "/api/v1/licenses/validate": () => import("@/app/api/v1/licenses/validate/route"),
  "/api/v1/licenses/activate": () => import("@/app/api/v1/licenses/activate/route"),
  "/api/v1/licenses/deactivate": () => import("@/app/api/v1/licenses/deactivate/route"),
  "/api/v1/licenses/offline-token": () => import("@/app/api/v1/licenses/offline-token/route"),
  "/api/v1/activations/:id/heartbeat": () => import("@/app/api/v1/activations/[id]/heartbeat/route"),
  "/api/v1/keys": () => import("@/app/api/v1/keys/route"),
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/v1/admin/licenses": () => import("@/app/api/v1/admin/licenses/route"),
  "/api/v1/admin/licenses/import": () => import("@/app/api/v1/admin/licenses/import/route"),
  "/api/v1/admin/licenses/:id": () => import("@/app/api/v1/admin/licenses/[id]/route"),
  "/api/v1/admin/licenses/:id/:action": () => import("@/app/api/v1/admin/licenses/[id]/[action]/route"),
};

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Through the fast dispatcher, with node:http so the path and body bytes are not normalized. */
export function sendFast(base: string, call: ApiCall): Promise<ApiAnswer> {
  const url = new URL(base);
  const body = call.body === undefined ? undefined : typeof call.body === "string" ? Buffer.from(call.body, "utf8") : Buffer.from(call.body);
  const headers: Record<string, string | number> = { ...call.headers };
  if (body) headers["content-length"] = body.length;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: call.method, path: call.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers: flat, text, json: parse(text) });
      });
      res.on("error", reject);
    });
    // A request the server never answers is a failure too, not a hung test.
    req.setTimeout(20_000, () => req.destroy(new Error("no answer within 20 s")));
    req.on("error", reject);
    req.end(body);
  });
}

/** Next.js's own param decoding: one decodeURIComponent per segment, 400 when that throws. */
export function routeParams(pattern: string, path: string): Record<string, string> | "undecodable" | null {
  const pat = pattern.split("/");
  const got = path.split("?")[0]!.split("/");
  if (pat.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pat.length; i++) {
    if (pat[i]!.startsWith(":")) {
      if (got[i] === "") return null;
      try {
        params[pat[i]!.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        return "undecodable";
      }
    } else if (pat[i] !== got[i]) return null;
  }
  return params;
}

/**
 * Through the route handler. For a segment Next could not decode, Next answers 400 itself
 * before any handler runs; the handler is then called with the raw segment (it must still not fail).
 */
export async function sendRoute(pattern: string, call: ApiCall): Promise<ApiAnswer & { nextWouldAnswer400: boolean }> {
  const mod = await ROUTE_MODULES[pattern]!();
  const handler = mod[call.method];
  if (!handler) throw new Error(`${pattern} has no ${call.method} export`);
  let params = routeParams(pattern, call.path);
  const nextWouldAnswer400 = params === "undecodable";
  if (params === null || params === "undecodable") {
    const pat = pattern.split("/");
    const got = call.path.split("?")[0]!.split("/");
    params = Object.fromEntries(pat.flatMap((p, i) => (p.startsWith(":") ? [[p.slice(1), got[i] ?? ""]] : [])));
  }
  const headers = new Headers(call.headers);
  const body = call.body === undefined ? undefined : typeof call.body === "string" ? Buffer.from(call.body, "utf8") : call.body;
  if (body) headers.set("content-length", String(body.byteLength));
  const request = new Request(`http://localhost${call.path}`, { method: call.method, headers, body: body ? new Uint8Array(body) : undefined });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), text, json: parse(text), nextWouldAnswer400 };
}
