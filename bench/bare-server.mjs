// The machine's ceiling for the benchmark: node:http answering one fixed JSON body (the bytes of
// a real validate answer) to every request, after reading the request body like a real handler.
import http from "node:http";

const body = Buffer.from(process.env.BENCH_BARE_BODY ?? '{"ok":true}');
const headers = { "content-type": "application/json; charset=utf-8", "content-length": body.length };

const server = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BENCH_BARE_PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("SIGINT", () => server.close(() => process.exit(0)));
