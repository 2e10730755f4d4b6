import { randomBytes } from "node:crypto";
import { IdempotencyStore, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-http";

// Speaks the slice of Stripe's REST API the Keyfront adapter uses: form-encoded bodies, Bearer
// secret key, Idempotency-Key replay, Stripe's error body.
type Nested = { [key: string]: Nested | string };

/** Decodes Stripe's bracket form encoding (`line_items[0][price_data][currency]=eur`). */
export function decodeStripeForm(text: string): Nested {
  const root: Nested = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Nested;
    });
  }
  return root;
}

type Session = Record<string, unknown> & { id: string; payment_intent: string | null };
type Intent = Record<string, unknown> & { id: string; amount: number; amount_received: number; currency: string; status: string };

export type FakeStripe = FakeServer & {
  sessions: Map<string, Session>;
  intents: Map<string, Intent>;
  /** What the hosted page does when the customer pays. */
  completeSession(id: string): Intent;
};

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;
const error = (status: number, type: string, message: string, code?: string): FakeResponse => ({ status, body: { error: { type, message, code } } });

export async function startFakeStripe(secretKey: string): Promise<FakeStripe> {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const idempotency = new IdempotencyStore();

  function route(req: FakeRequest): FakeResponse | Promise<FakeResponse> {
    if (req.headers.authorization !== `Bearer ${secretKey}`) return error(401, "invalid_request_error", "Invalid API Key provided");
    const key = req.headers["idempotency-key"] as string | undefined;
    const conflict = () => error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
    const form = decodeStripeForm(req.body);
    if (req.method === "POST" && req.path === "/v1/checkout/sessions") {
      return idempotency.run(key, req.body, () => {
        const item = (form.line_items as Nested | undefined)?.["0"] as Nested | undefined;
        const price = item?.price_data as Nested | undefined;
        const amount = Number(price?.unit_amount);
        if (!price || !Number.isInteger(amount) || amount <= 0) return error(400, "invalid_request_error", "Missing required param: line_items[0][price_data][unit_amount].", "parameter_missing");
        const session: Session = {
          id: id("cs_test"), object: "checkout.session", amount_total: amount * Number(item?.quantity ?? 1), currency: price.currency,
          status: "open", payment_status: "unpaid", client_reference_id: form.client_reference_id ?? null, metadata: form.metadata ?? {},
          payment_intent: null, url: `https://checkout.stripe.test/c/pay/${randomBytes(6).toString("hex")}`, success_url: form.success_url,
        };
        sessions.set(session.id, session);
        return { status: 200, body: session };
      }, conflict);
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(req.path);
    if (req.method === "GET" && sessionMatch) {
      const session = sessions.get(sessionMatch[1]!);
      if (!session) return error(404, "invalid_request_error", `No such checkout.session: '${sessionMatch[1]}'`, "resource_missing");
      const expand = [...req.query.entries()].some(([k, v]) => k.startsWith("expand") && v === "payment_intent");
      const intent = session.payment_intent ? intents.get(session.payment_intent) : undefined;
      return { status: 200, body: expand && intent ? { ...session, payment_intent: intent } : session };
    }
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(req.path);
    if (req.method === "GET" && intentMatch) {
      const intent = intents.get(intentMatch[1]!);
      return intent ? { status: 200, body: intent } : error(404, "invalid_request_error", `No such payment_intent: '${intentMatch[1]}'`, "resource_missing");
    }
    if (req.method === "POST" && req.path === "/v1/refunds") {
      return idempotency.run(key, req.body, () => {
        const intent = intents.get(String(form.payment_intent));
        if (!intent) return error(404, "invalid_request_error", `No such payment_intent: '${String(form.payment_intent)}'`, "resource_missing");
        const amount = Number(form.amount ?? intent.amount_received);
        const refunded = Number(intent.refunded ?? 0);
        if (amount + refunded > intent.amount_received) {
          return error(400, "invalid_request_error", `Refund amount (${amount}) is greater than unrefunded amount on charge`, "amount_too_large");
        }
        intent.refunded = refunded + amount;
        return { status: 200, body: { id: id("re"), object: "refund", amount, currency: intent.currency, payment_intent: intent.id, status: "succeeded" } };
      }, conflict);
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${req.path})`);
  }

  const server = await startFakeServer(route);
  return {
    ...server,
    sessions,
    intents,
    completeSession(sessionId: string) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`unknown session ${sessionId}`);
      const amount = Number(session.amount_total);
      const intent: Intent = { id: id("pi"), object: "payment_intent", amount, amount_received: amount, currency: String(session.currency), status: "succeeded", metadata: session.metadata };
      intents.set(intent.id, intent);
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent.id });
      return intent;
    },
  };
}
