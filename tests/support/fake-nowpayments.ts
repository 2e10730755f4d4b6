import { randomInt } from "node:crypto";
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-http";

// Speaks the slice of the NOWPayments API Keyfront uses: `x-api-key`, invoice create, payment
// status, NOWPayments' { status, statusCode, code, message } errors.
type Payment = Record<string, unknown> & { payment_id: number; invoice_id: number; payment_status: string };

export type FakeNowpayments = FakeServer & {
  invoices: Map<string, Record<string, unknown>>;
  /** The customer picks a coin and pays (some of) it: returns the new payment id. */
  pay(invoiceId: string, paid: { payCurrency: string; payAmount: number; actuallyPaid: number; status: string; atFiat?: number }): number;
};

const refuse = (statusCode: number, code: string, message: string): FakeResponse => ({ status: statusCode, body: { status: false, statusCode, code, message } });

export async function startFakeNowpayments(apiKey: string): Promise<FakeNowpayments> {
  const invoices = new Map<string, Record<string, unknown>>();
  const payments = new Map<string, Payment>();

  function route(req: FakeRequest): FakeResponse {
    if (req.headers["x-api-key"] !== apiKey) return refuse(403, "INVALID_API_KEY", "Invalid api key");
    if (req.method === "POST" && req.path === "/v1/invoice") {
      const body = JSON.parse(req.body) as Record<string, unknown>;
      if (typeof body.price_amount !== "number" || body.price_amount <= 0) return refuse(400, "INVALID_REQUEST_PARAMS", '"price_amount" must be a positive number');
      const id = String(randomInt(1_000_000_000, 9_999_999_999));
      const invoice = { id, token_id: "tok", order_id: body.order_id, price_amount: String(body.price_amount), price_currency: body.price_currency, invoice_url: `https://nowpayments.test/payment/?iid=${id}`, created_at: new Date().toISOString() };
      invoices.set(id, invoice);
      return { status: 200, body: invoice };
    }
    const match = /^\/v1\/payment\/(\w+)$/.exec(req.path);
    if (req.method === "GET" && match) {
      const payment = payments.get(match[1]!);
      return payment ? { status: 200, body: payment } : refuse(404, "PAYMENT_NOT_FOUND", "Payment not found");
    }
    return refuse(404, "NOT_FOUND", "Not found");
  }

  const server = await startFakeServer(route);
  return {
    ...server,
    invoices,
    pay(invoiceId, paid) {
      const invoice = invoices.get(invoiceId);
      if (!invoice) throw new Error(`unknown invoice ${invoiceId}`);
      const paymentId = randomInt(1_000_000_000, 9_999_999_999);
      payments.set(String(paymentId), {
        payment_id: paymentId, invoice_id: Number(invoiceId), payment_status: paid.status, pay_address: "addr", price_amount: Number(invoice.price_amount),
        price_currency: invoice.price_currency, pay_amount: paid.payAmount, actually_paid: paid.actuallyPaid, actually_paid_at_fiat: paid.atFiat ?? 0,
        pay_currency: paid.payCurrency, order_id: invoice.order_id, outcome_amount: paid.actuallyPaid, outcome_currency: paid.payCurrency,
      });
      return paymentId;
    },
  };
}
