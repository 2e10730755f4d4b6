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

type Subscription = Record<string, unknown> & {
  id: string; status: string; cancel_at_period_end: boolean; metadata: Nested; interval: string; quantity: number; unit_amount: number; currency: string;
  items: { object: "list"; data: { id: string; object: "subscription_item"; quantity: number; current_period_start: number; current_period_end: number }[] };
};
type Invoice = Record<string, unknown> & { id: string; status: string; lines: { object: "list"; data: { period: { start: number; end: number } }[] } };
type InvoicePayment = { id: string; object: "invoice_payment"; invoice: string; status: string; payment: { type: "payment_intent"; payment_intent: string } };

export type FakeStripe = FakeServer & {
  sessions: Map<string, Session>;
  intents: Map<string, Intent>;
  subscriptions: Map<string, Subscription>;
  invoices: Map<string, Invoice>;
  /** What the hosted page does when the customer pays. */
  completeSession(id: string): Intent;
  /** A subscription-mode session paid: the subscription starts with its first invoice paid. */
  completeSubscriptionSession(id: string, now?: Date): { subscription: Subscription; invoice: Invoice; intent: Intent };
  /** Stripe's renewal at the end of the current period: the next invoice, paid or failed. */
  renewSubscription(id: string, outcome: { paid: boolean }): { subscription: Subscription; invoice: Invoice; intent: Intent };
};

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;
const error = (status: number, type: string, message: string, code?: string): FakeResponse => ({ status, body: { error: { type, message, code } } });

export async function startFakeStripe(secretKey: string): Promise<FakeStripe> {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const idempotency = new IdempotencyStore();
  const subscriptions = new Map<string, Subscription>();
  const invoices = new Map<string, Invoice>();
  const invoicePayments: InvoicePayment[] = [];

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
          id: id("cs_test"), object: "checkout.session", mode: form.mode ?? "payment", subscription: null, invoice: null, line_items: form.line_items,
          subscription_data: form.subscription_data ?? null, customer_email: form.customer_email ?? null,
          amount_total: amount * Number(item?.quantity ?? 1), currency: price.currency,
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
    const subscriptionMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(req.path);
    if (subscriptionMatch) {
      const subscription = subscriptions.get(subscriptionMatch[1]!);
      if (!subscription) return error(404, "invalid_request_error", `No such subscription: '${subscriptionMatch[1]}'`, "resource_missing");
      if (req.method === "GET") return { status: 200, body: subscription };
      if (req.method === "POST") {
        return idempotency.run(key, req.body, () => {
          if (subscription.status === "canceled") return error(400, "invalid_request_error", "A canceled subscription can only update its cancellation_details and metadata.");
          if (form.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = form.cancel_at_period_end === "true";
          return { status: 200, body: subscription };
        }, conflict);
      }
    }
    if (req.method === "GET" && req.path === "/v1/invoice_payments") {
      const intent = req.query.get("payment[payment_intent]");
      const expand = [...req.query.entries()].some(([k, v]) => k.startsWith("expand") && v === "data.invoice");
      const data = invoicePayments
        .filter((p) => !intent || p.payment.payment_intent === intent)
        .map((p) => (expand ? { ...p, invoice: invoices.get(p.invoice) } : p));
      return { status: 200, body: { object: "list", data: data.slice(0, Number(req.query.get("limit") ?? 10)), has_more: false, url: "/v1/invoice_payments" } };
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${req.path})`);
  }

  const unix = (d: Date) => Math.floor(d.getTime() / 1000);
  function addInterval(seconds: number, interval: string): number {
    const d = new Date(seconds * 1000);
    if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    return unix(d);
  }

  function billPeriod(subscription: Subscription, start: number, end: number, paid: boolean, reason: string) {
    const amount = subscription.unit_amount * subscription.quantity;
    const intent: Intent = { id: id("pi"), object: "payment_intent", amount, amount_received: paid ? amount : 0, currency: subscription.currency, status: paid ? "succeeded" : "requires_payment_method", metadata: {} };
    intents.set(intent.id, intent);
    const invoice: Invoice = {
      id: id("in"), object: "invoice", status: paid ? "paid" : "open", billing_reason: reason, currency: subscription.currency, amount_due: amount, amount_paid: paid ? amount : 0,
      created: unix(new Date()), period_start: start, period_end: start,
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
      lines: { object: "list", data: [{ period: { start, end } }] },
    };
    invoices.set(invoice.id, invoice);
    invoicePayments.push({ id: id("inpay"), object: "invoice_payment", invoice: invoice.id, status: paid ? "paid" : "open", payment: { type: "payment_intent", payment_intent: intent.id } });
    return { invoice, intent };
  }

  const server = await startFakeServer(route);
  return {
    ...server,
    sessions,
    intents,
    subscriptions,
    invoices,
    completeSubscriptionSession(sessionId: string, now = new Date()) {
      const session = sessions.get(sessionId);
      if (!session || session.mode !== "subscription") throw new Error(`no subscription-mode session ${sessionId}`);
      const item = (session.line_items as Nested)["0"] as Nested;
      const price = item.price_data as Nested;
      const interval = String((price.recurring as Nested).interval);
      const start = unix(now);
      const end = addInterval(start, interval);
      const subscription: Subscription = {
        id: id("sub"), object: "subscription", status: "active", cancel_at_period_end: false, created: start, ended_at: null,
        metadata: ((session.subscription_data as Nested | null)?.metadata as Nested | undefined) ?? {}, interval, quantity: Number(item.quantity ?? 1),
        unit_amount: Number(price.unit_amount), currency: String(price.currency),
        items: { object: "list", data: [{ id: id("si"), object: "subscription_item", quantity: Number(item.quantity ?? 1), current_period_start: start, current_period_end: end }] },
      };
      subscriptions.set(subscription.id, subscription);
      const { invoice, intent } = billPeriod(subscription, start, end, true, "subscription_create");
      Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id, invoice: invoice.id });
      return { subscription, invoice, intent };
    },
    renewSubscription(subscriptionId: string, outcome: { paid: boolean }) {
      const subscription = subscriptions.get(subscriptionId);
      if (!subscription) throw new Error(`unknown subscription ${subscriptionId}`);
      const current = subscription.items.data[0]!;
      const start = current.current_period_end;
      const end = addInterval(start, subscription.interval);
      Object.assign(current, { current_period_start: start, current_period_end: end });
      subscription.status = outcome.paid ? "active" : "past_due";
      const { invoice, intent } = billPeriod(subscription, start, end, outcome.paid, "subscription_cycle");
      return { subscription, invoice, intent };
    },
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
