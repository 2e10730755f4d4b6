import { DECISION_DETAIL, OPERATION_CODES, VALID_CODES, VALIDATION_ORDER, type DecisionCode } from "@/lib/licensing/codes";
import { buildOpenApi } from "./openapi";

// The docs page's view of the OpenAPI document: operations grouped by tag, with their fields in
// plain words and a curl example, plus the decision codes in evaluation order.
type JsonSchema = {
  type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; description?: string;
  items?: JsonSchema; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[];
  minimum?: number; maximum?: number; minLength?: number; maxLength?: number; maxItems?: number;
};
type OpenApiParameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; description?: string };
type OpenApiOperation = {
  operationId: string; summary: string; tags: string[]; security?: unknown[]; parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { description: string }>;
};
type OpenApiDocument = { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, OpenApiOperation>> };

export type ApiField = { name: string; type: string; required: boolean; description: string | null; constraints: string[] };
export type ApiOperation = {
  id: string; method: "GET" | "POST"; path: string; summary: string; apiKey: boolean;
  pathParams: ApiField[]; queryParams: ApiField[]; body: ApiField[] | null; bodyTypes: string[];
  responses: { status: string; description: string }[]; curl: string;
};
export type ApiGroup = { tag: string; operations: ApiOperation[] };
export type DecisionStep = { step: number; codes: { code: DecisionCode; detail: string; valid: boolean }[]; scopeOnly: boolean };

function typeLabel(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return `${s.items ? typeLabel(s.items) : "any"}[]`;
  const base = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${base} (${s.format})` : base;
}

function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${unit}`);
    else if (max !== undefined) out.push(`≤ ${max}${unit}`);
    else if (min !== undefined) out.push(`≥ ${min}${unit}`);
  };
  range(s.minLength, s.maxLength, " characters");
  range(s.minimum, s.maximum, "");
  if (s.maxItems !== undefined) out.push(`≤ ${s.maxItems} items`);
  if (s.items) out.push(...constraintsOf(s.items).map((c) => `each ${c}`));
  for (const alt of s.anyOf ?? []) out.push(...constraintsOf(alt));
  return out;
}

function fieldsOf(schema: JsonSchema): ApiField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name, type: typeLabel(s), required: required.has(name), description: s.description ?? null, constraints: constraintsOf(s),
  }));
}

const paramField = (p: OpenApiParameter): ApiField => ({
  name: p.name, type: typeLabel(p.schema), required: p.required, description: p.description ?? p.schema.description ?? null, constraints: constraintsOf(p.schema),
});

// Example values by field name; an example body holds the required fields plus these scopes.
const EXAMPLE_VALUES: Record<string, unknown> = {
  key: "KF-XXXXX-XXXXX-XXXXX-XXXXX", fingerprint: "4f9c2a7e1b6d8f03a5c7e9b1d3f5a7c9", planId: "plan_…", days: 30,
};
const EXAMPLE_PARAMS: Record<string, string> = { id: "lic_…", action: "extend" };
const EXAMPLE_ALWAYS = new Set(["fingerprint", "days"]);

function curlFor(baseUrl: string, method: string, path: string, apiKey: boolean, body: ApiField[] | null): string {
  const url = baseUrl.replace(/\/$/, "") + path.replace(/\{(\w+)\}/g, (_m, name: string) => EXAMPLE_PARAMS[name] ?? `{${name}}`);
  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} '${url}'`];
  if (apiKey) lines.push(`-H 'Authorization: Bearer kf_live_…'`);
  if (body) {
    const example = Object.fromEntries(body.filter((f) => f.required || EXAMPLE_ALWAYS.has(f.name)).map((f) => [f.name, EXAMPLE_VALUES[f.name] ?? "…"]));
    lines.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n  ");
}

/** The operations of /api/v1 by tag, in the order the OpenAPI document lists them. */
export function getApiReference(baseUrl: string): { info: OpenApiDocument["info"]; groups: ApiGroup[] } {
  const doc = buildOpenApi() as OpenApiDocument;
  const groups = new Map<string, ApiOperation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const bodyTypes = Object.keys(op.requestBody?.content ?? {});
      const bodySchema = op.requestBody?.content["application/json"]?.schema;
      const body = bodySchema ? fieldsOf(bodySchema) : null;
      const upper = method.toUpperCase() as "GET" | "POST";
      const apiKey = Boolean(op.security?.length);
      const operation: ApiOperation = {
        id: op.operationId, method: upper, path, summary: op.summary, apiKey,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map(paramField),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map(paramField),
        body, bodyTypes,
        responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })).sort((a, b) => a.status.localeCompare(b.status)),
        curl: curlFor(baseUrl, upper, path, apiKey, body),
      };
      const tag = op.tags[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return { info: doc.info, groups: [...groups].map(([tag, operations]) => ({ tag, operations })) };
}

const describeCode = (code: DecisionCode) => ({ code, detail: DECISION_DETAIL[code], valid: VALID_CODES.has(code) });

export function getDecisionCodeReference(): { steps: DecisionStep[]; operationCodes: ReturnType<typeof describeCode>[] } {
  return {
    steps: VALIDATION_ORDER.map((s, i) => ({ step: i + 1, codes: s.codes.map(describeCode), scopeOnly: Boolean(s.scopeOnly) })),
    operationCodes: OPERATION_CODES.map(describeCode),
  };
}
