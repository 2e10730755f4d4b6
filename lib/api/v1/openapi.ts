import { z } from "zod";
import { DECISION_CODES } from "@/lib/licensing/codes";
import type { Endpoint } from "../endpoint";
import { ERROR_RESPONSE, V1_DOCS } from "./registry";
import { LICENSE_ACTIONS } from "./admin-license-endpoints";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints parse with.
const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" });

function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, "{$1}");
}

const PATH_PARAMS: Record<string, { schema: object; description: string }> = {
  id: { schema: { type: "string", maxLength: 64 }, description: "Id of the license (lic_…) or activation (act_…)" },
  action: { schema: { type: "string", enum: [...LICENSE_ACTIONS] }, description: "What to do with the license" },
};

let cached: object | undefined;

export function buildOpenApi(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  const errorContent = { "application/json": { schema: schema(ERROR_RESPONSE, "output") } };
  for (const doc of V1_DOCS) {
    const { endpoint } = doc;
    const params: { name: string; in: string; required: boolean; schema: object; description?: string }[] = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1]!, in: "path", required: true, ...PATH_PARAMS[m[1]!]!,
    }));
    if (doc.query) {
      const q = schema(doc.query, "input") as { properties?: Record<string, object> };
      for (const [name, s] of Object.entries(q.properties ?? {})) params.push({ name, in: "query", required: false, schema: s as never });
    }
    (paths[toOpenApiPath(endpoint.path)] ??= {})[endpoint.method.toLowerCase()] = {
      operationId: endpoint.id,
      summary: doc.summary,
      tags: [doc.tag],
      ...(doc.apiKey ? { security: [{ apiKey: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(doc.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schema(doc.body, "input") }, "application/x-www-form-urlencoded": { schema: schema(doc.body, "input") } } } }
        : {}),
      responses: {
        200: { description: doc.tag === "Licensing" ? "A decision (valid or not, see `code`)" : "OK", content: { "application/json": { schema: schema(doc.response, "output") } } },
        400: { description: doc.body ? "Malformed body or URL" : "Malformed URL", content: errorContent },
        ...(doc.body || doc.query ? { 422: { description: "Invalid fields (see error.fields)", content: errorContent } } : {}),
        ...(doc.body ? { 413: { description: "Body larger than 64 KB", content: errorContent } } : {}),
        ...(doc.apiKey ? { 401: { description: "Missing or unknown API key", content: errorContent }, 403: { description: "Key revoked, expired or lacking the scope", content: errorContent } } : {}),
        ...(params.some((p) => p.in === "path") && doc.apiKey ? { 404: { description: "No such license or action", content: errorContent } } : {}),
        ...(endpoint.id === "adminLicenseAction" ? { 409: { description: "The license's state does not allow this action", content: errorContent } } : {}),
        429: { description: "Rate limited (see Retry-After and RateLimit-* headers)", content: errorContent },
      },
    };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Keyfront licensing API",
      version: "1.0.0",
      description: `Decisions answer 200 with a stable \`code\`: ${DECISION_CODES.join(", ")}. Every decision carries an Ed25519-signed receipt; verify it with the keys at /api/v1/keys.`,
    },
    servers: [{ url: "/" }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Integration API key (kf_live_…) created in Admin → API keys" } } },
    paths,
  };
  return cached;
}

export const openApiEndpoint: Endpoint = {
  id: "openApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  async handle() {
    return { status: 200, body: buildOpenApi(), headers: { "cache-control": "public, max-age=300" } };
  },
};

export const FAST_ENDPOINTS: Endpoint[] = [...V1_DOCS.map((d) => d.endpoint), openApiEndpoint];
