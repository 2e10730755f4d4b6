import http from "node:http";
import type { AddressInfo } from "node:net";

// A tiny local HTTP server for the fake payment providers: records every request, answers
// through one handler, and closes cleanly after the tests.
export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string };
export type FakeResponse = { status: number; body: unknown; headers?: Record<string, string> };
export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export type FakeServer = { url: string; host: string; port: number; requests: FakeRequest[]; close(): Promise<void> };

export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://fake.local");
      const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      try {
        const answer = await handler(request);
        const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, { "content-type": typeof answer.body === "string" ? "text/plain" : "application/json", ...answer.headers });
        res.end(text);
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Replays the first answer for a repeated idempotency key; a different body under the same key is refused. */
export class IdempotencyStore {
  private readonly seen = new Map<string, { body: string; answer: FakeResponse }>();

  async run(key: string | undefined, body: string, create: () => FakeResponse | Promise<FakeResponse>, conflict: () => FakeResponse): Promise<FakeResponse> {
    if (!key) return create();
    const previous = this.seen.get(key);
    if (previous) return previous.body === body ? previous.answer : conflict();
    const answer = await create();
    if (answer.status < 500) this.seen.set(key, { body, answer });
    return answer;
  }
}
