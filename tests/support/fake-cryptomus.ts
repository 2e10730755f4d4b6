import { createHash, randomUUID } from "node:crypto";
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-http";

// Speaks the slice of the Cryptomus merchant API Keyfront uses: `merchant` + `sign` headers
// checked over the raw body, invoice create (same order_id → same live invoice), invoice info,
// Cryptomus' { state, message, errors } answers.
const expectedSign = (body: string, key: string) => createHash("md5").update(Buffer.from(body).toString("base64") + key).digest("hex");

type Invoice = Record<string, unknown> & { uuid: string; order_id: string; amount: string; currency: string; payment_status: string };

export type FakeCryptomus = FakeServer & { invoices: Map<string, Invoice>; pay(uuid: string, paid: { amount: string; currency: string; status: string; usd?: string }): void };

const refuse = (status: number, message: string, errors?: Record<string, string[]>): FakeResponse => ({ status, body: { state: 1, message, ...(errors ? { errors } : {}) } });

export async function startFakeCryptomus(merchantId: string, paymentApiKey: string): Promise<FakeCryptomus> {
  const invoices = new Map<string, Invoice>();

  function route(req: FakeRequest): FakeResponse {
    if (req.headers.merchant !== merchantId || req.headers.sign !== expectedSign(req.body, paymentApiKey)) return refuse(401, "You are forbidden");
    const body = JSON.parse(req.body) as Record<string, string | undefined>;
    if (req.method === "POST" && req.path === "/v1/payment") {
      if (!body.amount || !/^\d+(\.\d+)?$/.test(body.amount)) return refuse(422, "Validation error", { amount: ["The amount field is required."] });
      if (!body.order_id || !/^[\w-]{1,128}$/.test(body.order_id)) return refuse(422, "Validation error", { order_id: ["The order id format is invalid."] });
      const existing = [...invoices.values()].find((i) => i.order_id === body.order_id);
      if (existing) return { status: 200, body: { state: 0, result: existing } };
      const uuid = randomUUID();
      const invoice: Invoice = {
        uuid, order_id: body.order_id, amount: body.amount, currency: body.currency ?? "USD", payment_amount: null, payer_currency: null,
        payment_status: "check", url: `https://pay.cryptomus.test/pay/${uuid}`, is_final: false, additional_data: body.additional_data ?? null,
      };
      invoices.set(uuid, invoice);
      return { status: 200, body: { state: 0, result: invoice } };
    }
    if (req.method === "POST" && req.path === "/v1/payment/info") {
      const invoice = body.uuid ? invoices.get(body.uuid) : undefined;
      return invoice ? { status: 200, body: { state: 0, result: invoice } } : refuse(404, "Payment not found");
    }
    return refuse(404, "Not found");
  }

  const server = await startFakeServer(route);
  return {
    ...server,
    invoices,
    pay(uuid, paid) {
      const invoice = invoices.get(uuid);
      if (!invoice) throw new Error(`unknown invoice ${uuid}`);
      Object.assign(invoice, { payment_amount: paid.amount, payer_currency: paid.currency, payment_status: paid.status, payment_amount_usd: paid.usd ?? null, is_final: true });
    },
  };
}
