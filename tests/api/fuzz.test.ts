// Generated requests against every /api/v1 endpoint, through both serving paths (the fast
// dispatcher and the Next.js route handlers): never a 5xx, always the error envelope, decisions
// well-formed, both paths alike, and not one row changed. Replay a failure with FUZZ_SEED=<seed>;
// FUZZ_RUNS sets the cases per endpoint (default 250).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { V1_DOCS } from "@/lib/api/v1/registry";
import { openApiEndpoint } from "@/lib/api/v1/openapi";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { flushLastSeen } from "@/lib/licensing/last-seen";
import { createLicensedPlan, createUser, viewerOf } from "../support/factories";
import { post, startApiServer } from "../support/api-server";
import { createRng, fuzzSeed } from "./support/prng";
import { generateCase, targetOf, type FuzzContext, type FuzzTarget } from "./support/fuzz-cases";
import { answerProblems, outcome } from "./support/answer-checks";
import { ROUTE_MODULES, routeParams, sendFast, sendRoute } from "./support/serving-paths";
import { dbFingerprint, type DbFingerprint } from "./support/db-fingerprint";

process.env.RATE_LIMIT_SCALE = "1000";

const SEED = fuzzSeed();
const RUNS = Number(process.env.FUZZ_RUNS) || 250;
const CONCURRENCY = 8;

const DOCS = [...V1_DOCS.map((d) => ({ doc: d, target: targetOf(d) })), { doc: null, target: targetOf({ endpoint: openApiEndpoint }) }];

let api: Awaited<ReturnType<typeof startApiServer>>;
let ctx: FuzzContext;
let before: DbFingerprint;

beforeAll(async () => {
  console.log(`API fuzz seed ${SEED}, ${RUNS} cases per endpoint (replay: FUZZ_SEED=${SEED} npx vitest run tests/api/fuzz.test.ts)`);
  expect(getEnv().RATE_LIMIT_SCALE).toBe(1000);
  api = await startApiServer();
  const { key, license, plan } = await createLicensedPlan({ seats: 3, entitlements: ["pro"] });
  const activated = await post(api.url, "/api/v1/licenses/activate", { key, fingerprint: "seeded-device-fingerprint-0001" });
  expect(activated.body.code).toBe("ACTIVATED");
  const admin = viewerOf(await createUser({ role: "ADMIN" }));
  const write = await createApiKey(admin, { name: "fuzz write", scopes: ["licenses:read", "licenses:write"] });
  const read = await createApiKey(admin, { name: "fuzz read", scopes: ["licenses:read"] });
  const revoked = await createApiKey(admin, { name: "fuzz revoked", scopes: ["licenses:read", "licenses:write"] });
  await revokeApiKey(admin, revoked.id);
  ctx = { realKey: key, licenseId: license.id, planId: plan.id, apiKeys: { write: write.key, read: read.key, revoked: revoked.key } };
  before = await dbFingerprint();
});
afterAll(() => api?.close());

async function pool<T>(items: T[], worker: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await worker(items[next++]!);
  }));
}

const preview = (body: string | Uint8Array | undefined) =>
  body === undefined ? "-" : typeof body === "string" ? JSON.stringify(body.slice(0, 160)) + (body.length > 160 ? `…(${body.length} chars)` : "") : `bytes(${body.length})`;

async function fuzz(doc: (typeof DOCS)[number]["doc"], target: FuzzTarget, index: number): Promise<string[]> {
  const failures: string[] = [];
  const tally = new Map<string, number>();
  const cases = Array.from({ length: RUNS }, (_, i) => i);
  await pool(cases, async (i) => {
    const caseSeed = (SEED + index * 1_000_003 + i * 7919) >>> 0;
    const c = generateCase(createRng(caseSeed), target, ctx);
    const where = `[${target.id} case ${i}, case seed ${caseSeed}, ${c.kind}, auth ${c.auth}] ${c.method} ${c.path.slice(0, 120)} body ${preview(c.body)}`;
    try {
      const params = routeParams(target.path, c.path);
      const undecodable = params === "undecodable";
      // A NUL character in the URL is refused (400) by every endpoint, after the size limit.
      const nulInUrl = (params !== null && params !== "undecodable" && Object.values(params).some((v) => v.includes("\0"))) ||
        [...new URLSearchParams(c.path.split("?")[1] ?? "")].some(([k, v]) => (k + v).includes("\0"));
      const expected = nulInUrl && c.expect?.[0] !== 413 ? [400] : c.expect;
      const fast = await sendFast(api.url, c);
      const route = await sendRoute(target.path, c);
      tally.set(outcome(fast), (tally.get(outcome(fast)) ?? 0) + 1);
      for (const [name, answer] of [["fast", fast], ["route", route]] as const) {
        for (const p of answerProblems(doc, answer)) failures.push(`${where}: ${name} path: ${p}`);
      }
      if (undecodable) {
        if (fast.status !== 400) failures.push(`${where}: fast path answered ${outcome(fast)} for an undecodable segment (Next answers 400)`);
        return;
      }
      if (outcome(fast) !== outcome(route)) failures.push(`${where}: paths differ: fast ${outcome(fast)} vs route ${outcome(route)}`);
      if (expected && !expected.includes(fast.status)) failures.push(`${where}: expected ${expected.join("|")}, got ${outcome(fast)} ${fast.text.slice(0, 160)}`);
      const code = (fast.json as { code?: string }).code;
      if (c.decision && fast.status === 200 && code !== c.decision) failures.push(`${where}: expected decision ${c.decision}, got ${code}`);
    } catch (err) {
      failures.push(`${where}: request failed: ${String(err)}`);
    }
  });
  console.log(`${target.method} ${target.path}: ${[...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.trim()} ×${n}`).join(", ")}`);
  return failures;
}

describe(`API fuzz (seed ${SEED})`, () => {
  it("covers every route file under app/api/v1 and every documented endpoint", () => {
    const files: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" && files.push(path.join(dir, e.name))));
    walk(path.resolve("app/api/v1"));
    const patterns = files.map((f) => `/${path.relative(path.resolve("app"), path.dirname(f)).replace(/\[(\w+)\]/g, ":$1")}`.replace(/\\/g, "/"));
    expect(patterns.sort()).toEqual(Object.keys(ROUTE_MODULES).sort());
    expect([...new Set(DOCS.map((d) => d.target.path))].sort()).toEqual(Object.keys(ROUTE_MODULES).sort());
  });

  DOCS.forEach(({ doc, target }, index) => {
    it(`${target.method} ${target.path}: ${RUNS} generated requests through both serving paths`, { timeout: 300_000 }, async () => {
      const failures = await fuzz(doc, target, index);
      expect(failures.slice(0, 25), `${failures.length} failures (seed ${SEED})`).toEqual([]);
    });
  });

  it("changed no row (License, Activation, ActivationRelease, AuditLog, ApiKey, Plan, Product, User)", async () => {
    await flushLastSeen();
    expect(await dbFingerprint()).toEqual(before);
  });
});
