import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { AppError, errorBody, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseInput } from "@/lib/http/parse-input";
import { Lru } from "@/lib/cache/lru";
import { deepFreeze } from "@/lib/deep-freeze";

// One definition per API endpoint, served two ways with the same code: as a Next.js route
// handler (app/api/v1/**/route.ts) and by the fast dispatcher in front of Next (scripts/server).
export type ApiRequest = {
  method: string;
  /** path parameters, e.g. { id } for /api/v1/activations/:id/heartbeat */
  params: Record<string, string>;
  query: URLSearchParams;
  header(name: string): string | null;
  /** the raw body, already size-limited */
  body: string;
  ip: string;
  requestId: string;
};

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A body serialized once, for answers served many times over: the fast dispatcher sends its
 * bytes as they are; anything else that serializes it (JSON.stringify) gets the same JSON.
 */
export class JsonBody {
  readonly bytes: Buffer;

  constructor(readonly value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value));
  }

  toJSON(): unknown {
    return this.value;
  }
}

export type Endpoint = {
  /** operation id, e.g. "validateLicense" */
  id: string;
  method: "GET" | "POST";
  /** path pattern with :params, e.g. "/api/v1/activations/:id/heartbeat" */
  path: string;
  handle(req: ApiRequest): Promise<ApiResult>;
};

export const MAX_BODY_BYTES = 64 * 1024;

const utf8 = new TextDecoder();

/** A body's text as both serving paths read it: UTF-8, bad sequences replaced, a leading BOM dropped (as Request.text() does). */
export function decodeBody(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

// Installed copies send the same small body again and again (the same key and fingerprint): its
// parsed, validated input is kept per schema, frozen so that no handler can change a shared one.
// Only successes are kept, and only of bodies up to MEMO_MAX_CHARS.
const MEMO_MAX_CHARS = 512;
const MEMO_ENTRIES = 4096;
const MEMO_TTL_MS = 10 * 60_000;
const parsedBodies = new WeakMap<z.ZodType, Lru<unknown>>();

/**
 * Parses a JSON or form-encoded body (by content type) and validates it. The input returned may
 * be shared between requests: it is frozen.
 */
export function parseBody<S extends z.ZodType>(req: ApiRequest, schema: S): z.output<S> {
  const form = (req.header("content-type") ?? "").toLowerCase().includes("application/x-www-form-urlencoded");
  if (req.body.length > MEMO_MAX_CHARS) return parseFresh(req.body, form, schema);
  let memo = parsedBodies.get(schema);
  if (!memo) parsedBodies.set(schema, (memo = new Lru(MEMO_ENTRIES, MEMO_TTL_MS)));
  const memoKey = (form ? "f" : "j") + req.body;
  const known = memo.get(memoKey);
  if (known !== undefined) return known as z.output<S>;
  const parsed = deepFreeze(parseFresh(req.body, form, schema));
  memo.set(memoKey, parsed);
  return parsed;
}

function parseFresh<S extends z.ZodType>(body: string, form: boolean, schema: S): z.output<S> {
  let data: unknown = {};
  if (form) {
    data = Object.fromEntries(new URLSearchParams(body));
  } else if (body.trim() !== "") {
    try {
      data = JSON.parse(body);
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
    }
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new AppError("BAD_REQUEST", "The body must be a JSON object.");
  const parsed = parseInput(schema, data);
  assertStorableText(parsed);
  return parsed;
}

/**
 * PostgreSQL cannot store NUL characters (text) nor unpaired surrogates (jsonb): a field that
 * holds either is invalid, rather than a database error later.
 */
function assertStorableText(value: unknown): void {
  const fields: FieldErrors = {};
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\0") || !v.isWellFormed()) fields[path || "_form"] = ["Must be text without NUL characters or unpaired surrogates."];
    } else if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) stack.push([child, path ? `${path}.${k}` : k]);
    }
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "Some fields are invalid.", { fields });
}

function urlHasNul(req: ApiRequest): boolean {
  for (const name in req.params) if (req.params[name]!.includes("\0")) return true;
  for (const [k, v] of req.query) if (k.includes("\0") || v.includes("\0")) return true;
  return false;
}

/** Runs an endpoint: AppErrors become the error envelope, anything else a logged generic 500. */
export async function runEndpoint(endpoint: Endpoint, req: ApiRequest): Promise<ApiResult> {
  let result: ApiResult;
  try {
    if (urlHasNul(req)) {
      throw new AppError("BAD_REQUEST", "The URL must not contain NUL characters.");
    }
    result = await endpoint.handle(req);
  } catch (err) {
    const known = err instanceof AppError ? err : overloadError(err);
    if (known) {
      if (known !== err) logger.warn("api endpoint overloaded", { err, endpoint: endpoint.id, requestId: req.requestId });
      result = { status: known.status, body: errorBody(known), headers: { ...known.headers, ...(known.retryAfterSec ? { "retry-after": String(known.retryAfterSec) } : {}) } };
    } else {
      logger.error("api endpoint failed", { err, endpoint: endpoint.id, requestId: req.requestId });
      result = { status: 500, body: { error: { code: "INTERNAL", message: "Internal error." } } };
    }
  }
  return { ...result, headers: { ...result.headers, "x-request-id": req.requestId } };
}

// Prisma's "no connection free in time" (P2024) and "transaction could not start in time" (P2028):
// the request changed nothing, so the client is told to retry instead of getting a 500.
const OVERLOAD_CODES = new Set(["P2024", "P2028"]);

function overloadError(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !OVERLOAD_CODES.has(code)) return null;
  return new AppError("UNAVAILABLE", "The service is busy. Retry shortly.", { retryAfterSec: 1, cause: err });
}

export function newRequestId(incoming: string | null): string {
  return incoming && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}
