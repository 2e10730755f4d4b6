// A local server that speaks the Upstash Redis REST protocol and forwards to a real Redis, so the
// Upstash adapter (the real @upstash/redis client) is tested against real Redis semantics.
//   POST /             body ["CMD", ...args]           → { result } | 400 { error }
//   POST /pipeline     body [["CMD", ...], ...]        → [{ result } | { error }, ...]
//   POST /multi-exec   body [["CMD", ...], ...]        → the same, run as one MULTI/EXEC
// `Authorization: Bearer <token>` is required; with `Upstash-Encoding: base64` every bulk string
// in a result is base64-encoded (status replies such as OK are not), as the service does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";

type Command = (string | number)[];
type Reply = { result: unknown } | { error: string };

function encode(value: unknown, base64: boolean): unknown {
  if (!base64) return value;
  if (typeof value === "string") return value === "OK" ? value : Buffer.from(value, "utf8").toString("base64");
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
}

function isCommand(v: unknown): v is Command {
  return Array.isArray(v) && v.length > 0 && v.every((a) => typeof a === "string" || typeof a === "number");
}

export async function startUpstashShim(redisUrl: string, token: string) {
  // RESP2 replies are what Upstash returns; upper-case names keep ioredis from reshaping replies.
  const redis = new Redis(redisUrl, { protocol: 2, maxRetriesPerRequest: 1 });
  const stats = { requests: 0, commands: 0 };

  async function run(cmd: Command, base64: boolean): Promise<Reply> {
    stats.commands++;
    try {
      const [name, ...args] = cmd;
      const result = await redis.call(String(name).toUpperCase(), ...args.map(String));
      return { result: encode(result, base64) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  async function runMulti(cmds: Command[], base64: boolean): Promise<Reply[]> {
    const multi = redis.multi();
    for (const [name, ...args] of cmds) multi.call(String(name).toUpperCase(), ...args.map(String));
    stats.commands += cmds.length;
    const results = (await multi.exec()) ?? [];
    return results.map(([err, result]) => (err ? { error: err.message } : { result: encode(result, base64) }));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      stats.requests++;
      const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
      if (req.method !== "POST") return send(405, { error: "Method not allowed" });
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(400, { error: "ERR failed to parse command" });
      }
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/pipeline" || path === "/multi-exec") {
        if (!Array.isArray(body) || !body.every(isCommand)) return send(400, { error: "ERR invalid pipeline" });
        const replies = path === "/multi-exec" ? await runMulti(body, base64) : await Promise.all(body.map((c) => run(c, base64)));
        return send(200, replies);
      }
      if (path !== "/" || !isCommand(body)) return send(400, { error: "ERR invalid command" });
      const reply = await run(body, base64);
      return send("error" in reply ? 400 : 200, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
