import { NextResponse, type NextRequest } from "next/server";
import { randomUUID } from "node:crypto";
import { AppError, errorBody } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER } from "./request-id";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P>; requestId: string }) => Promise<Response>;

/** JSON body with bigint-safe serialization. */
export function json(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  const headers = new Headers(init?.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(body, { ...init, headers });
}

/** Wraps a route handler: request id, the error envelope for AppErrors, a generic 500 for the rest. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    let res: Response;
    try {
      res = await handler(req, { params: ctx.params, requestId });
    } catch (err) {
      if (err instanceof AppError) {
        res = json(errorBody(err), { status: err.status });
        if (err.retryAfterSec) res.headers.set("retry-after", String(err.retryAfterSec));
      } else {
        logger.error("route failed", { err, requestId, path: req.nextUrl.pathname });
        res = json({ error: { code: "INTERNAL", message: "Internal error." } }, { status: 500 });
      }
    }
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  };
}

export { NextResponse };
