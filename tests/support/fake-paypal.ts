import { createSign, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { FAKE_PAYPAL_CERT, FAKE_PAYPAL_PRIVATE_KEY } from "./fake-paypal-cert";
import { IdempotencyStore, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-http";

// Speaks the slice of PayPal's REST API Keyfront uses: OAuth client credentials, Orders v2
// create/get/capture with PayPal-Request-Id replay, capture refunds, PayPal's error body; and
// serves a signing certificate so webhooks can be signed exactly as PayPal signs them.
export type FakePaypalOptions = { clientId: string; clientSecret: string; tokenTtlSec?: number };
type Order = Record<string, unknown> & { id: string; status: string; purchase_units: Array<Record<string, unknown>> };

export type FakePaypal = FakeServer & {
  orders: Map<string, Order>;
  tokensIssued: () => number;
  expireTokens(): void;
  approve(orderId: string): void;
  certUrl: string;
  /** Headers PayPal would send with `body` for the given webhook id. */
  signWebhook(body: string, webhookId: string, options?: { transmissionTime?: string; certUrl?: string; key?: string }): Record<string, string>;
};

const ppError = (status: number, name: string, issue: string, description: string): FakeResponse => ({
  status, body: { name, message: description, debug_id: randomBytes(6).toString("hex"), details: [{ issue, description }] },
});
const newId = () => randomBytes(9).toString("hex").toUpperCase().slice(0, 17);

export function signPaypalWebhook(body: string, webhookId: string, certUrl: string, options: { transmissionTime?: string; key?: string } = {}): Record<string, string> {
  const transmissionId = randomBytes(8).toString("hex");
  const transmissionTime = options.transmissionTime ?? new Date().toISOString();
  const signer = createSign("RSA-SHA256");
  // PayPal's documented string, built here independently of the code under test
  signer.update(`${transmissionId}|${transmissionTime}|${webhookId}|${crc32(Buffer.from(body, "utf8")) >>> 0}`);
  return {
    "paypal-transmission-id": transmissionId,
    "paypal-transmission-time": transmissionTime,
    "paypal-transmission-sig": signer.sign(options.key ?? FAKE_PAYPAL_PRIVATE_KEY, "base64"),
    "paypal-cert-url": certUrl,
    "paypal-auth-algo": "SHA256withRSA",
  };
}

export async function startFakePaypal(options: FakePaypalOptions): Promise<FakePaypal> {
  const orders = new Map<string, Order>();
  const tokens = new Map<string, number>();
  const idempotency = new IdempotencyStore();
  let issued = 0;

  function authorized(req: FakeRequest): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const until = token ? tokens.get(token) : undefined;
    return until !== undefined && until > Date.now();
  }

  function route(req: FakeRequest): FakeResponse | Promise<FakeResponse> {
    if (req.method === "GET" && req.path === "/certs/webhook.pem") return { status: 200, body: FAKE_PAYPAL_CERT };
    if (req.method === "GET" && req.path === "/certs/garbage.pem") return { status: 200, body: "not a certificate" };
    if (req.method === "POST" && req.path === "/v1/oauth2/token") {
      const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
      if (req.headers.authorization !== expected) return { status: 401, body: { error: "invalid_client", error_description: "Client Authentication failed" } };
      if (new URLSearchParams(req.body).get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type" } };
      const token = `A21AA${randomBytes(12).toString("hex")}`;
      const ttl = options.tokenTtlSec ?? 32400;
      tokens.set(token, Date.now() + ttl * 1000);
      issued++;
      return { status: 200, body: { scope: "https://uri.paypal.com/services/payments", access_token: token, token_type: "Bearer", expires_in: ttl, app_id: "APP-FAKE" } };
    }
    if (!authorized(req)) return { status: 401, body: { error: "invalid_token", error_description: "Token signature verification failed" } };
    const requestId = req.headers["paypal-request-id"] as string | undefined;
    const conflict = () => ppError(422, "UNPROCESSABLE_ENTITY", "DUPLICATE_REQUEST_ID", "The PayPal-Request-Id was used for a different request.");
    if (req.method === "POST" && req.path === "/v2/checkout/orders") {
      return idempotency.run(requestId, req.body, () => {
        const body = JSON.parse(req.body) as { intent?: string; purchase_units?: Array<{ amount?: { value?: string } }> };
        if (body.intent !== "CAPTURE" || !body.purchase_units?.[0]?.amount?.value) return ppError(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "purchase_units amount is required");
        const id = newId();
        const order: Order = { id, status: "PAYER_ACTION_REQUIRED", purchase_units: body.purchase_units as Array<Record<string, unknown>>, links: [{ rel: "payer-action", href: `https://www.paypal.test/checkoutnow?token=${id}`, method: "GET" }] };
        orders.set(id, order);
        return { status: 201, body: order };
      }, conflict);
    }
    const orderMatch = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(req.path);
    if (orderMatch) {
      const order = orders.get(orderMatch[1]!);
      if (!order) return ppError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
      if (req.method === "GET" && !orderMatch[2]) return { status: 200, body: order };
      if (req.method === "POST" && orderMatch[2]) {
        return idempotency.run(requestId, `capture:${order.id}`, () => {
          if (order.status === "COMPLETED") return ppError(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured.");
          if (order.status !== "APPROVED") return ppError(422, "UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment.");
          const unit = order.purchase_units[0]!;
          unit.payments = { captures: [{ id: newId(), status: "COMPLETED", amount: unit.amount, custom_id: unit.custom_id, refunded: "0" }] };
          order.status = "COMPLETED";
          return { status: 201, body: order };
        }, conflict);
      }
    }
    const refundMatch = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(req.path);
    if (req.method === "POST" && refundMatch) {
      return idempotency.run(requestId, req.body + refundMatch[1], () => {
        const capture = [...orders.values()].flatMap((o) => ((o.purchase_units[0]!.payments as { captures?: Array<Record<string, unknown>> } | undefined)?.captures ?? [])).find((c) => c.id === refundMatch[1]);
        if (!capture) return ppError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist.");
        const amount = (JSON.parse(req.body || "{}") as { amount?: { value: string; currency_code: string } }).amount ?? (capture.amount as { value: string; currency_code: string });
        const cents = (v: string) => Math.round(Number(v) * 100); // test fake only: the adapter never does this
        const left = cents((capture.amount as { value: string }).value) - cents(String(capture.refunded));
        if (cents(amount.value) > left) return ppError(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded.");
        capture.refunded = String((cents(String(capture.refunded)) + cents(amount.value)) / 100);
        return { status: 201, body: { id: newId(), status: "COMPLETED", amount } };
      }, conflict);
    }
    return ppError(404, "NOT_FOUND", "NOT_FOUND", `No route ${req.method} ${req.path}`);
  }

  const server = await startFakeServer(route);
  const certUrl = `${server.url}/certs/webhook.pem`;
  return {
    ...server,
    orders,
    certUrl,
    tokensIssued: () => issued,
    expireTokens: () => tokens.forEach((_v, k) => tokens.set(k, 0)),
    approve(orderId: string) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`unknown order ${orderId}`);
      order.status = "APPROVED";
    },
    signWebhook: (body, webhookId, o = {}) => signPaypalWebhook(body, webhookId, o.certUrl ?? certUrl, o),
  };
}
