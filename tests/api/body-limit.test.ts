// The 64 KB body limit of the fast dispatcher: 413 with the error envelope whether the client
// declares the length or streams the body in chunks.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api/endpoint";
import { POST as validateRoute } from "@/app/api/v1/licenses/validate/route";
import { startApiServer } from "../support/api-server";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

function upload(body: Buffer, chunked: boolean): Promise<{ status: number; json: { error?: { code: string } } }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: "POST", path: "/api/v1/licenses/validate", agent: false,
        headers: { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": body.length }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
      },
    );
    req.on("error", reject);
    if (!chunked) return void req.end(body);
    // Stream in 8 KB pieces, as a client without a known length would.
    for (let i = 0; i < body.length; i += 8192) req.write(body.subarray(i, i + 8192));
    req.end();
  });
}

const bodyOf = (bytes: number) => Buffer.from(JSON.stringify({ key: "KF-00000-00000-00000-00000", padding: "x".repeat(bytes - 60) }).padEnd(bytes, " "));

describe("body limit", () => {
  for (const chunked of [false, true]) {
    it(`${chunked ? "a chunked" : "a declared"} body over the limit is a 413, one under it is parsed`, async () => {
      for (const size of [MAX_BODY_BYTES + 1, 100 * 1024, 1024 * 1024]) {
        const res = await upload(bodyOf(size), chunked);
        expect(res.status, `${size} bytes`).toBe(413);
        expect(res.json.error?.code).toBe("PAYLOAD_TOO_LARGE");
      }
      const inside = await upload(bodyOf(60 * 1024), chunked);
      expect(inside.status).toBe(200);
    });
  }

  it("the route handler stops reading a streamed body at the limit and answers 413", async () => {
    let pulled = 0;
    const piece = new Uint8Array(8192).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 1024 * 1024) return controller.close();
        pulled += piece.length;
        controller.enqueue(piece);
      },
    });
    const request = new Request("http://localhost/api/v1/licenses/validate", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const res = await validateRoute(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * piece.length);
  });
});
