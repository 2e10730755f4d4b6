// Builds one generated request for an /api/v1 endpoint, with the statuses it may get where the
// answer is certain. Real secrets (the seeded license key, plan id and license id) are only used
// where the request cannot succeed, so a run of cases must leave the database unchanged.
import { z } from "zod";
import type { EndpointDoc } from "@/lib/api/v1/registry";
import type { ApiCall } from "./serving-paths";
import type { Rng } from "./prng";
import { wellFormedKey, wrongLookingKey } from "./prng";
import { nastyString, plausible, PROTO_KEYS, randomJson, randomQuery, weirdSegment, wrongTypeValue, type Json } from "./fuzz-values";

export type FuzzContext = { realKey: string; licenseId: string; planId: string; apiKeys: { write: string; read: string; revoked: string } };
export type Auth = "none" | "garbage" | "unknown" | "revoked" | "read" | "write";
export type FuzzCase = ApiCall & { kind: string; auth: Auth; expect?: number[]; decision?: string };

export type FuzzTarget = { id: string; method: "GET" | "POST"; path: string; apiKey: boolean; fields: Record<string, string[]> };

export function targetOf(doc: Pick<EndpointDoc, "endpoint" | "body" | "apiKey">): FuzzTarget {
  const fields: Record<string, string[]> = {};
  if (doc.body) {
    const schema = z.toJSONSchema(doc.body, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { type?: string; anyOf?: { type: string }[] }> };
    for (const [name, p] of Object.entries(schema.properties ?? {})) fields[name] = p.type ? [p.type] : (p.anyOf ?? []).map((a) => a.type);
  }
  const { id, method, path } = doc.endpoint;
  return { id, method, path, apiKey: Boolean(doc.apiKey), fields };
}

const ACTIONS = ["suspend", "reinstate", "revoke", "extend", "reset-activations"];
const SCOPES: Record<string, string[]> = {
  validateLicense: ["fingerprint", "domain", ""],
  activateLicense: ["fingerprint", "domain"],
  checkoutOfflineToken: ["fingerprint", "domain"],
  deactivateLicense: ["activationId", "fingerprint", "domain"],
};
const REQUIRED: Record<string, string> = { adminCreateLicense: "planId" };

/** A body with the right fields, right types and plausible values (and an unknown key or plan). */
function plausibleBody(rng: Rng, t: FuzzTarget): Record<string, Json> {
  const body: Record<string, Json> = {};
  const scopes = SCOPES[t.id];
  const scope = scopes ? rng.pick(scopes) : undefined;
  for (const name of Object.keys(t.fields)) {
    const isScope = scopes?.includes(name);
    if (name === "key" || name === REQUIRED[t.id] || (isScope && name === scope) || (!isScope && rng.chance(0.4))) body[name] = plausible(rng, name);
  }
  return body;
}

type Body = { body?: string | Uint8Array; contentType?: string; expect?: number[]; decision?: string; realIdOk: boolean };

function jsonBody(value: unknown, extra: Partial<Body> = {}): Body {
  return { body: JSON.stringify(value), contentType: "application/json", realIdOk: false, ...extra };
}

const licensing = (t: FuzzTarget) => !t.apiKey && t.method === "POST";
// Bodies that may carry the real license key: every licensing call except activate only reads.
const readsOnly = (t: FuzzTarget) => t.id !== "activateLicense";

function buildBody(rng: Rng, t: FuzzTarget, ctx: FuzzContext): Body & { kind: string } {
  const base = plausibleBody(rng, t);
  const plausibleExpect = licensing(t) ? [200] : t.id === "adminCreateLicense" ? [422] : undefined;
  const kind = rng.pick(["random-json", "random-json", "wrong-types", "wrong-types", "plausible", "wrong-key", "nasty", "huge", "inside-limit", "invalid-utf8", "content-type", "empty", "deep", "proto", "form", "invalid-json"]);
  const out = (b: Body) => ({ ...b, kind });
  switch (kind) {
    case "random-json": {
      const v = rng.chance(0.5) ? randomJson(rng) : { ...base, [rng.pick(Object.keys(t.fields).concat("x"))]: randomJson(rng) };
      const isObject = v !== null && typeof v === "object" && !Array.isArray(v);
      return out(jsonBody(v, { expect: isObject ? undefined : [400] }));
    }
    case "wrong-types": {
      const names = Object.keys(t.fields);
      const broken = names.filter(() => rng.chance(0.4));
      if (broken.length === 0) broken.push(rng.pick(names));
      for (const name of broken) base[name] = wrongTypeValue(rng, t.fields[name]!);
      // A wrong type elsewhere means the request fails validation: the real secrets are safe to send.
      if ("key" in t.fields && !broken.includes("key") && rng.chance(0.5)) base.key = ctx.realKey;
      if ("planId" in t.fields && !broken.includes("planId") && rng.chance(0.5)) base.planId = ctx.planId;
      return out(jsonBody(base, { expect: [422], realIdOk: true }));
    }
    case "plausible": {
      if ("key" in t.fields && readsOnly(t) && rng.chance(0.5)) base.key = ctx.realKey;
      const unknownKey = typeof base.key === "string" && base.key !== ctx.realKey;
      return out(jsonBody(base, { expect: plausibleExpect, decision: unknownKey ? "NOT_FOUND" : undefined }));
    }
    case "wrong-key":
      if ("key" in t.fields) base.key = wrongLookingKey(rng);
      return out(jsonBody(base));
    case "nasty": {
      for (const name of Object.keys(base)) if (rng.chance(0.5)) base[name] = nastyString(rng);
      base[rng.pick(PROTO_KEYS.concat("extra"))] = nastyString(rng);
      return out(jsonBody(base));
    }
    case "huge": {
      const size = rng.pick([64 * 1024 + 1, 100 * 1024, 300 * 1024]);
      const field = rng.pick(Object.keys(t.fields).concat("padding"));
      const text = JSON.stringify({ ...base, [field]: "x".repeat(size) });
      return out({ body: text, contentType: rng.pick(["application/json", "text/plain", "application/x-www-form-urlencoded"]), expect: [413], realIdOk: true });
    }
    case "inside-limit": {
      // ~60 KB, under the 64 KB limit: an ignored extra field keeps the plausible answer.
      const padding = "y".repeat(60 * 1024 - JSON.stringify(base).length - 20);
      return out(jsonBody({ ...base, padding }, { expect: plausibleExpect, decision: licensing(t) ? "NOT_FOUND" : undefined }));
    }
    case "invalid-utf8": {
      const bad = rng.pick([[0xc3, 0x28], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80, 0x80]]);
      const text = JSON.stringify({ ...base, key: "KF-@@" });
      const [before, after] = text.split("@@") as [string, string];
      if (rng.chance(0.2)) {
        // ~48 KB of bytes that each decode to a 3-byte U+FFFD: still inside the limit as sent.
        const padded = Buffer.concat([Buffer.from(JSON.stringify({ ...base, padding: "@@" }).split("@@")[0]!), Buffer.alloc(48 * 1024, 0xff), Buffer.from(JSON.stringify({ ...base, padding: "@@" }).split("@@")[1]!)]);
        return out({ body: new Uint8Array(padded), contentType: "application/json", expect: plausibleExpect, decision: licensing(t) ? "NOT_FOUND" : undefined, realIdOk: false });
      }
      if (rng.chance(0.5)) {
        const bytes = Uint8Array.from([...Buffer.from(before), ...bad, ...Buffer.from(after)]);
        return out({ body: bytes, contentType: "application/json", expect: licensing(t) ? [200] : undefined, decision: licensing(t) ? "NOT_FOUND" : undefined, realIdOk: false });
      }
      return out({ body: Uint8Array.from([...bad, ...Buffer.from(text)]), contentType: "application/json", expect: [400], realIdOk: false });
    }
    case "content-type": {
      const variant = rng.int(0, 5);
      if (variant === 5) return out({ ...jsonBody(base, { expect: plausibleExpect }), body: `\ufeff${JSON.stringify(base)}` }); // UTF-8 BOM first
      if (variant === 0) return out({ ...jsonBody(base, { expect: plausibleExpect }), contentType: "text/plain; charset=utf-8" });
      if (variant === 1) return out({ body: `--XyZ\r\nContent-Disposition: form-data; name="key"\r\n\r\n${wellFormedKey(rng)}\r\n--XyZ--\r\n`, contentType: "multipart/form-data; boundary=XyZ", expect: [400], realIdOk: false });
      if (variant === 2) return out({ body: `<key>${wellFormedKey(rng)}</key>`, contentType: "application/xml", expect: [400], realIdOk: false });
      if (variant === 3) return out({ body: rng.pick(["%%%&&==", "=&=&key", "key=%ZZ&fingerprint=%E0%A4%A", "a[b][c]=1&__proto__[key]=x", "&&&"]), contentType: "application/x-www-form-urlencoded", realIdOk: false });
      return out({ ...jsonBody(base, { expect: plausibleExpect }), contentType: rng.pick(["", "application/json; charset=latin1", "APPLICATION/JSON", "application/vnd.api+json"]) });
    }
    case "empty":
      return out({ body: rng.pick(["", " ", "\r\n"]), contentType: rng.pick(["application/json", "application/x-www-form-urlencoded", "text/plain"]), expect: licensing(t) || t.id === "adminCreateLicense" ? [422] : undefined, realIdOk: false });
    case "deep": {
      const depth = rng.int(500, 10_000);
      const nested = rng.chance(0.5) ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      const where = rng.int(0, 2);
      if (where === 0) return out({ body: nested, contentType: "application/json", expect: nested.startsWith("[") ? [400] : undefined, realIdOk: false });
      const field = where === 1 && Object.keys(t.fields).length ? rng.pick(Object.keys(t.fields)) : "extra";
      const text = JSON.stringify({ ...base, [field]: "@@" }).replace('"@@"', nested);
      return out({ body: text, contentType: "application/json", expect: field === "extra" ? plausibleExpect : [422], realIdOk: field !== "extra" });
    }
    case "proto": {
      // The real fields hidden under __proto__/constructor must not count as given.
      const hidden = { ...base, key: readsOnly(t) ? ctx.realKey : wellFormedKey(rng) };
      const { key: _key, planId: _planId, ...rest } = base;
      const text = `{"__proto__": ${JSON.stringify(hidden)}, "constructor": {"prototype": ${JSON.stringify(hidden)}}, "toString": 1${Object.entries(rest).map(([k, v]) => `, ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join("")}}`;
      const needsKey = "key" in t.fields || "planId" in t.fields;
      return out({ body: text, contentType: "application/json", expect: needsKey ? [422] : undefined, realIdOk: false });
    }
    case "form": {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(base)) params.append(k, typeof v === "string" ? v : JSON.stringify(v));
      if (rng.chance(0.3)) params.append("__proto__", "x");
      if (rng.chance(0.3)) params.append("key", wellFormedKey(rng));
      return out({ body: params.toString(), contentType: "application/x-www-form-urlencoded", realIdOk: false });
    }
    default: {
      const text = JSON.stringify(base);
      return out({ body: text.slice(0, rng.int(1, Math.max(1, text.length - 1))) + rng.pick(["", ",", "}}", "'", "\\"]), contentType: "application/json", expect: [400], realIdOk: false });
    }
  }
}

const GARBAGE_AUTH = ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer kf_live_short", "bearer  kf_live_", "Token abc", "Bearer kf_test_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Bearer kf_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer kf_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa extra", "Bearer KF-AAAAA-BBBBB-CCCCC-DDDDD"];

function authHeader(rng: Rng, auth: Auth, ctx: FuzzContext): string | undefined {
  if (auth === "none") return undefined;
  if (auth === "garbage") return rng.pick(GARBAGE_AUTH);
  if (auth === "unknown") return `Bearer kf_live_${rng.string(32, "abcdefghijklmnopqrstuvwxyz234567")}`;
  return `Bearer ${ctx.apiKeys[auth]}`;
}

function extraHeaders(rng: Rng): Record<string, string> {
  const h: Record<string, string> = {};
  if (rng.chance(0.3)) h["accept-language"] = rng.pick(["de-DE,de;q=0.9", "*", "xx", ";;;,,", "zh-Hant-TW", "ar;q=abc", "sr-Latn", rng.string(300, "abc-,;=q0.")]);
  if (rng.chance(0.2)) h["x-request-id"] = rng.pick(["short", "req-0123456789abcdef", "a b c d e f g h", rng.string(200, "abc")]);
  if (rng.chance(0.2)) h["x-forwarded-for"] = rng.pick(["203.0.113.9", "garbage", "1.1.1.1, 2.2.2.2", "::1", ",,,", rng.string(100, "0123456789.")]);
  return h;
}

export function generateCase(rng: Rng, t: FuzzTarget, ctx: FuzzContext): FuzzCase {
  const auth: Auth = t.apiKey ? rng.pick(["none", "garbage", "unknown", "revoked", "read", "write", "write"] as const) : rng.chance(0.2) ? rng.pick(["garbage", "unknown", "write"] as const) : "none";
  const headers = extraHeaders(rng);
  const bearer = authHeader(rng, auth, ctx);
  if (bearer) headers.authorization = bearer;

  const b: (Body & { kind: string }) | undefined = t.method === "POST" ? buildBody(rng, t, ctx) : undefined;
  if (b?.contentType) headers["content-type"] = b.contentType;

  // Path: fixed, or odd segments for the path parameters (sometimes the real license id).
  let expect = b?.expect;
  let pathNotFound = false;
  let path = t.path;
  if (t.path.includes(":id")) {
    const action = t.path.endsWith(":action") ? (rng.chance(0.7) ? rng.pick(ACTIONS) : weirdSegment(rng)) : undefined;
    const realIdOk = t.method === "GET" || (action !== undefined && (!ACTIONS.includes(action) || action === "reinstate" || (b?.realIdOk ?? false)));
    const id = t.apiKey && realIdOk && rng.chance(0.4) ? ctx.licenseId : weirdSegment(rng);
    path = path.replace(":id", () => id).replace(":action", () => action ?? "");
    if (t.apiKey && action !== undefined && !ACTIONS.includes(action)) pathNotFound = true;
    if (t.apiKey && t.method === "GET") pathNotFound = id !== ctx.licenseId;
    if (t.id === "adminLicenseAction" && id !== ctx.licenseId && expect?.[0] !== 400 && expect?.[0] !== 422 && expect?.[0] !== 413) expect = [404, 422];
    if (t.id === "adminLicenseAction" && id === ctx.licenseId && action === "reinstate" && !expect) expect = [409, 400, 422];
  }
  if (t.method === "GET") path += randomQuery(rng);
  else if (rng.chance(0.1)) path += randomQuery(rng);

  // Where the answer is certain: the size limit first, then the API key, then the path, then the body.
  if (expect?.[0] !== 413 && t.apiKey) {
    if (auth === "none" || auth === "garbage" || auth === "unknown") expect = [401];
    else if (auth === "revoked" || (auth === "read" && t.method === "POST")) expect = [403];
    else if (pathNotFound) expect = [404];
    else if (t.method === "GET") expect = t.path.includes(":id") ? [200] : [200, 422];
  }
  if (!t.apiKey && t.method === "GET") expect = [200];
  return { kind: b?.kind ?? "query", method: t.method, path, headers, body: b?.body, auth, expect, decision: b?.decision };
}
