// Cross-origin rules for the public APIs. The licensing endpoints and the compatibility shapes
// authenticate by the license key in the request, never by cookies, so any origin may call them
// (a web app or a WordPress admin page checking its license) — without credentials. The
// management API (/api/v1/admin/…) is for servers: browsers on other origins get no CORS grant.
const PUBLIC_PREFIXES = ["/api/v1/", "/api/compat/"];
const PRIVATE_PREFIXES = ["/api/v1/admin/"];

const ALLOW_HEADERS = "content-type, accept-language, x-request-id";
const EXPOSE_HEADERS = "ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after, x-request-id";
const MAX_AGE_SEC = "86400";

/** Whether browsers on any origin may call this path. */
export function isCorsPublic(path: string): boolean {
  return PUBLIC_PREFIXES.some((p) => path.startsWith(p)) && !PRIVATE_PREFIXES.some((p) => path.startsWith(p) || `${path}/` === p);
}

/** Headers added to every answer of a public path (none for other paths). */
export function corsHeaders(path: string): Record<string, string> {
  if (!isCorsPublic(path)) return {};
  return { "access-control-allow-origin": "*", "access-control-expose-headers": EXPOSE_HEADERS, vary: "origin" };
}

/** The answer to a preflight (OPTIONS with Access-Control-Request-Method), or null when not one. */
export function preflight(path: string, method: string, requestedMethod: string | null): { status: number; headers: Record<string, string> } | null {
  if (method !== "OPTIONS" || !requestedMethod) return null;
  if (!isCorsPublic(path)) return { status: 204, headers: { vary: "origin" } };
  return {
    status: 204,
    headers: {
      ...corsHeaders(path),
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": ALLOW_HEADERS,
      "access-control-max-age": MAX_AGE_SEC,
    },
  };
}
