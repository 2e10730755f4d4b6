// A local stand-in for Resend's REST API, covering what the `resend` package calls to send email:
// `POST /emails` (Bearer auth, `Idempotency-Key`: the same key and payload answer the same id, a
// different payload 409 `invalid_idempotent_request`, a request still in flight 409
// `concurrent_idempotent_requests`) and `GET /emails/:id`. Errors use Resend's body shape
// `{ statusCode, name, message }`. Point the app at it with RESEND_BASE_URL.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeFailure = { status: number; name?: string; message?: string };

export type AcceptedEmail = {
  id: string; from: string; to: string[]; subject: string; html?: string; text?: string;
  idempotencyKey: string | null; createdAt: string;
};

export type FakeRequest = { method: string; path: string; status: number; idempotencyKey: string | null; authorization: string | null };

const DEFAULT_NAMES: Record<number, string> = {
  400: "validation_error", 401: "missing_api_key", 403: "invalid_api_key", 404: "not_found",
  405: "method_not_allowed", 409: "invalid_idempotent_request", 422: "validation_error",
  429: "rate_limit_exceeded", 500: "internal_server_error", 502: "application_error", 503: "application_error",
};

export type FakeResend = {
  url: string;
  apiKey: string;
  /** Emails Resend accepted (each once, however often it was retried with the same key). */
  accepted: AcceptedEmail[];
  /** Every request, with the status it was answered with. */
  requests: FakeRequest[];
  /** Answers the next requests to POST /emails with these failures, in order, then normally. */
  failNext: (...failures: FakeFailure[]) => void;
  /** Answers every request to POST /emails with this failure until called with null. */
  failAlways: (failure: FakeFailure | null) => void;
  /** Delay before each POST /emails is answered (to make concurrent requests overlap). */
  setLatency: (ms: number) => void;
  reset: () => void;
  close: () => Promise<void>;
};

function errorBody(failure: FakeFailure) {
  return {
    statusCode: failure.status,
    name: failure.name ?? DEFAULT_NAMES[failure.status] ?? "application_error",
    message: failure.message ?? (failure.status >= 500 ? "An unexpected error occurred." : "The request could not be processed."),
  };
}

export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? `re_fake_${randomUUID().replace(/-/g, "")}`;
  const accepted: AcceptedEmail[] = [];
  const requests: FakeRequest[] = [];
  const byKey = new Map<string, { hash: string; id: string } | "pending">();
  let queue: FakeFailure[] = [];
  let always: FakeFailure | null = null;
  let latency = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void handle(req, Buffer.concat(chunks).toString("utf8")).then(({ status, body }) => {
      requests.push({
        method: req.method ?? "", path: req.url ?? "", status,
        idempotencyKey: header(req, "idempotency-key"), authorization: header(req, "authorization"),
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    }));
  });

  function header(req: http.IncomingMessage, name: string): string | null {
    const v = req.headers[name];
    return typeof v === "string" ? v : null;
  }

  async function handle(req: http.IncomingMessage, raw: string): Promise<{ status: number; body: unknown }> {
    const path = (req.url ?? "/").split("?")[0]!;
    const auth = header(req, "authorization");
    if (!auth?.startsWith("Bearer ")) return fail({ status: 401, message: "Missing API key in the authorization header." });
    if (auth.slice(7) !== apiKey) return fail({ status: 403, message: "API key is invalid." });
    const single = /^\/emails\/([\w-]+)$/.exec(path);
    if (single && req.method === "GET") {
      const email = accepted.find((e) => e.id === single[1]);
      if (!email) return fail({ status: 404, message: "Email not found." });
      return { status: 200, body: { object: "email", id: email.id, from: email.from, to: email.to, subject: email.subject, html: email.html ?? null, text: email.text ?? null, created_at: email.createdAt, last_event: "delivered" } };
    }
    if (path !== "/emails") return fail({ status: 404, message: "The requested endpoint does not exist." });
    if (req.method !== "POST") return fail({ status: 405, message: "Method is not allowed for the requested path." });
    return sendEmail(req, raw);
  }

  async function sendEmail(req: http.IncomingMessage, raw: string): Promise<{ status: number; body: unknown }> {
    const key = header(req, "idempotency-key");
    if (key !== null && (key.length < 1 || key.length > 256)) return fail({ status: 400, name: "invalid_idempotency_key", message: "The key must be between 1-256 chars." });
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail({ status: 400, message: "Invalid JSON body." });
    }
    for (const field of ["from", "to", "subject"]) {
      if (payload[field] === undefined || payload[field] === "") return fail({ status: 422, name: "missing_required_field", message: `Missing \`${field}\` field.` });
    }
    if (!payload.html && !payload.text) return fail({ status: 422, name: "validation_error", message: "Missing `html` or `text` field." });
    const hash = createHash("sha256").update(raw).digest("hex");
    const known = key === null ? undefined : byKey.get(key);
    if (known === "pending") return fail({ status: 409, name: "concurrent_idempotent_requests", message: "Same idempotency key used while original request is still in progress." });
    if (known) {
      if (known.hash !== hash) return fail({ status: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." });
      return { status: 200, body: { id: known.id } };
    }
    if (key !== null) byKey.set(key, "pending");
    if (latency) await new Promise((r) => setTimeout(r, latency));
    const failure = queue.shift() ?? always;
    if (failure) {
      if (key !== null) byKey.delete(key); // failed requests are not remembered
      return fail(failure);
    }
    const id = randomUUID();
    if (key !== null) byKey.set(key, { hash, id });
    const to = Array.isArray(payload.to) ? payload.to.map(String) : [String(payload.to)];
    accepted.push({
      id, from: String(payload.from), to, subject: String(payload.subject),
      html: typeof payload.html === "string" ? payload.html : undefined, text: typeof payload.text === "string" ? payload.text : undefined,
      idempotencyKey: key, createdAt: new Date().toISOString(),
    });
    return { status: 200, body: { id } };
  }

  function fail(failure: FakeFailure) {
    return { status: failure.status, body: errorBody(failure) };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    accepted,
    requests,
    failNext: (...failures) => void queue.push(...failures),
    failAlways: (failure) => void (always = failure),
    setLatency: (ms) => void (latency = ms),
    reset: () => {
      accepted.length = 0;
      requests.length = 0;
      byKey.clear();
      queue = [];
      always = null;
      latency = 0;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
