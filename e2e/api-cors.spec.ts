// A page on another origin calls the licensing API from a real browser: the public endpoints
// answer it (preflight included), the management API is refused by the browser.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

let other: http.Server;
let otherOrigin: string;

test.beforeAll(async () => {
  other = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>client</title>"));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

test("a page on another origin can validate a key but cannot reach the management API", async ({ page, baseURL }) => {
  await page.goto(otherOrigin);
  const result = await page.evaluate(async (api) => {
    const validate = await fetch(`${api}/api/v1/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "de" },
      body: JSON.stringify({ key: "KF-00000-00000-00000-00000" }),
    }).then(async (r) => ({ status: r.status, body: await r.json(), limit: r.headers.get("ratelimit-limit") }));
    const admin = await fetch(`${api}/api/v1/admin/licenses`, { headers: { authorization: "Bearer kf_live_x" } }).then(
      (r) => `answered ${r.status}`,
      (e: Error) => `blocked: ${e.name}`,
    );
    return { validate, admin };
  }, baseURL!);
  expect(result.validate.status).toBe(200);
  expect(result.validate.body).toMatchObject({ valid: false, code: "NOT_FOUND" });
  expect(result.validate.limit).not.toBeNull();
  expect(result.admin).toBe("blocked: TypeError");
});
