// Serves the /api/v1 endpoints in-process (the fast dispatcher, exactly as production does) on a
// free loopback port, against this test file's database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createFastDispatcher } from "@/lib/api/fast-dispatch";
import { FAST_ENDPOINTS } from "@/lib/api/fast-endpoints";

export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const dispatch = createFastDispatcher(FAST_ENDPOINTS);
  const server = http.createServer((req, res) => {
    dispatch(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** POSTs JSON (or a raw string) and returns status, headers and parsed body. */
export async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json };
}
