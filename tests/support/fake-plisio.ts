import { randomBytes } from "node:crypto";
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from "./fake-http";

// Speaks the slice of Plisio's API Keyfront uses: `api_key` query auth, invoice create (unique
// order_number), operation lookup, Plisio's { status: "error", data: { name, message, code } }.
type Operation = Record<string, unknown> & { id: string; status: string };

export type FakePlisio = FakeServer & { operations: Map<string, Operation>; pay(txnId: string, paid: { amount: string; currency: string; status: string }): void };

const refuse = (status: number, name: string, message: string, code: number): FakeResponse => ({ status, body: { status: "error", data: { name, message, code } } });

export async function startFakePlisio(secretKey: string): Promise<FakePlisio> {
  const operations = new Map<string, Operation>();

  function route(req: FakeRequest): FakeResponse {
    if (req.query.get("api_key") !== secretKey) return refuse(401, "Unauthorized", "Invalid secret key", 401);
    if (req.method === "GET" && req.path === "/invoices/new") {
      const q = Object.fromEntries(req.query);
      if (!q.order_number || !q.order_name) return refuse(422, "Unprocessable Entity", "order_number and order_name are required", 108);
      if ([...operations.values()].some((o) => o.params && (o.params as Record<string, unknown>).order_number === q.order_number)) {
        return refuse(422, "Unprocessable Entity", "Invoice with this order_number already exists", 109);
      }
      const id = randomBytes(12).toString("hex");
      operations.set(id, {
        id, status: "new", source_currency: q.source_currency, source_amount: q.source_amount, currency: "BTC", amount: "0.00081000",
        params: { order_number: q.order_number, order_name: q.order_name, callback_url: q.callback_url },
      });
      return { status: 200, body: { status: "success", data: { txn_id: id, invoice_url: `https://plisio.test/invoice/${id}` } } };
    }
    const match = /^\/operations\/(\w+)$/.exec(req.path);
    if (req.method === "GET" && match) {
      const op = operations.get(match[1]!);
      return op ? { status: 200, body: { status: "success", data: op } } : refuse(404, "Not Found", "Operation not found", 404);
    }
    return refuse(404, "Not Found", "Not found", 404);
  }

  const server = await startFakeServer(route);
  return {
    ...server,
    operations,
    pay(txnId, paid) {
      const op = operations.get(txnId);
      if (!op) throw new Error(`unknown operation ${txnId}`);
      Object.assign(op, paid);
    },
  };
}
