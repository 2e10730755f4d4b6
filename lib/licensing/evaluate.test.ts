import { describe, expect, it } from "vitest";
import { DECISION_CODES } from "./codes";
import { decisionStableUntil, evaluateValidation, seatsUsed, type ValidationScope } from "./evaluate";
import { licenseView } from "./decision";
import type { ActivationState, LicenseSnapshot } from "./snapshot";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const DAY = 86_400_000;

function activation(over: Partial<ActivationState> = {}): ActivationState {
  return { id: "act_1", kind: "FINGERPRINT", identifier: "fp-aaaaaaaaaaaaaaaa", label: null, status: "ACTIVE", countsToLimit: true, lastHeartbeatAt: NOW - 1000, createdAt: NOW - DAY, ...over };
}

function license(over: Partial<LicenseSnapshot> = {}): LicenseSnapshot {
  return {
    id: "lic_1", keyHash: "h", version: 1, status: "ACTIVE", userId: null, productId: "prd_1", productSlug: "app", productName: "App",
    planId: "pln_1", planName: "Pro", licenseType: "SOFTWARE", seats: 2, entitlements: ["pro"], expiresAt: null, graceDays: 0,
    paymentOverdueAt: null, heartbeatIntervalSec: null, heartbeatGraceSec: 0, offlineTokenTtlSec: 3600, createdAt: NOW - 10 * DAY,
    activations: [activation()], ...over,
  };
}

const code = (s: LicenseSnapshot | null, scope: ValidationScope = {}) => evaluateValidation(s, scope, NOW).code;

describe("evaluateValidation", () => {
  it("answers every validation code for its situation", () => {
    const seen = new Set<string>();
    const cases: [string, LicenseSnapshot | null, ValidationScope][] = [
      ["VALID", license(), { fingerprint: "fp-aaaaaaaaaaaaaaaa", entitlements: ["pro"] }],
      ["NOT_FOUND", null, {}],
      ["PRODUCT_MISMATCH", license(), { product: "other" }],
      ["REVOKED", license({ status: "REVOKED" }), {}],
      ["SUSPENDED", license({ status: "SUSPENDED" }), {}],
      ["PAYMENT_OVERDUE", license({ paymentOverdueAt: NOW - 1 }), {}],
      ["EXPIRED", license({ expiresAt: NOW - 1 }), {}],
      ["EXPIRED_IN_GRACE", license({ expiresAt: NOW - DAY, graceDays: 3 }), {}],
      ["NOT_ACTIVATED", license({ activations: [] }), { fingerprint: "fp-bbbbbbbbbbbbbbbb" }],
      ["FINGERPRINT_MISMATCH", license(), { fingerprint: "fp-bbbbbbbbbbbbbbbb" }],
      ["DOMAIN_MISMATCH", license({ licenseType: "SITE", activations: [activation({ kind: "DOMAIN", identifier: "shop.example.com" })] }), { domain: "other.example.com" }],
      ["HEARTBEAT_DEAD", license({ heartbeatIntervalSec: 60, activations: [activation({ lastHeartbeatAt: NOW - 61_000 })] }), { fingerprint: "fp-aaaaaaaaaaaaaaaa" }],
      ["ACTIVATION_LIMIT_REACHED", license({ seats: 1, activations: [activation({ id: "a0", identifier: "fp-0000000000000000" }), activation()] }), { fingerprint: "fp-aaaaaaaaaaaaaaaa" }],
      ["ENTITLEMENT_MISSING", license(), { entitlements: ["pro", "enterprise"] }],
    ];
    for (const [expected, snapshot, scope] of cases) {
      expect(code(snapshot, scope), expected).toBe(expected);
      seen.add(expected);
    }
    const validationCodes = DECISION_CODES.slice(0, DECISION_CODES.indexOf("ACTIVATED"));
    expect([...seen].sort()).toEqual([...validationCodes].sort());
  });

  it("applies the documented order when several rules apply", () => {
    const everythingWrong = license({
      status: "REVOKED", paymentOverdueAt: NOW - 1, expiresAt: NOW - 10 * DAY, heartbeatIntervalSec: 1,
      activations: [activation({ lastHeartbeatAt: 0 })], entitlements: [],
    });
    const scope = { product: "app", fingerprint: "fp-zzzzzzzzzzzzzzzz", entitlements: ["x"] };
    expect(code(everythingWrong, { ...scope, product: "other" })).toBe("PRODUCT_MISMATCH");
    expect(code(everythingWrong, scope)).toBe("REVOKED");
    expect(code({ ...everythingWrong, status: "SUSPENDED" }, scope)).toBe("SUSPENDED");
    expect(code({ ...everythingWrong, status: "ACTIVE" }, scope)).toBe("PAYMENT_OVERDUE");
    expect(code({ ...everythingWrong, status: "ACTIVE", paymentOverdueAt: null }, scope)).toBe("EXPIRED");
    const inGrace = { ...everythingWrong, status: "ACTIVE" as const, paymentOverdueAt: null, expiresAt: NOW - DAY, graceDays: 5 };
    expect(code(inGrace, { ...scope, fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("HEARTBEAT_DEAD");
    expect(code({ ...inGrace, heartbeatIntervalSec: null }, scope)).toBe("FINGERPRINT_MISMATCH");
    expect(code({ ...inGrace, heartbeatIntervalSec: null }, { ...scope, fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("ENTITLEMENT_MISSING");
    expect(code({ ...inGrace, heartbeatIntervalSec: null }, { fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("EXPIRED_IN_GRACE");
  });

  it("accepts the product by slug or id, and a scope-less check ignores activations", () => {
    expect(code(license(), { product: "app" })).toBe("VALID");
    expect(code(license(), { product: "prd_1" })).toBe("VALID");
    expect(code(license({ activations: [] }))).toBe("VALID");
  });

  it("keeps the earliest activations when seats were lowered, and dev domains use no seat", () => {
    const a0 = activation({ id: "a0", identifier: "fp-0000000000000000", createdAt: NOW - 3 * DAY });
    const free = activation({ id: "dev", kind: "DOMAIN", identifier: "localhost", countsToLimit: false });
    const s = license({ seats: 1, activations: [a0, free, activation()] });
    expect(code(s, { fingerprint: "fp-0000000000000000" })).toBe("VALID");
    expect(code(s, { fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("ACTIVATION_LIMIT_REACHED");
    expect(code(s, { domain: "localhost" })).toBe("VALID");
  });

  it("treats a released activation as not activated and heartbeat grace as alive", () => {
    expect(code(license({ activations: [activation({ status: "RELEASED" })] }), { fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("NOT_ACTIVATED");
    const s = license({ heartbeatIntervalSec: 60, heartbeatGraceSec: 30, activations: [activation({ lastHeartbeatAt: NOW - 80_000 })] });
    expect(code(s, { fingerprint: "fp-aaaaaaaaaaaaaaaa" })).toBe("VALID");
  });
});

describe("decisionStableUntil", () => {
  const fp = "fp-aaaaaaaaaaaaaaaa";
  const answer = (s: LicenseSnapshot, at: number) => {
    const e = evaluateValidation(s, { fingerprint: fp }, at);
    return `${e.code}/${seatsUsed(s, at)}/${licenseView(s, at).status}`;
  };

  it("is the first time-dependent boundary after now, and the answer holds until it", () => {
    const cases: [LicenseSnapshot, number][] = [
      [license({ paymentOverdueAt: NOW + 5_000, expiresAt: NOW + 9_000 }), NOW + 5_000],
      [license({ expiresAt: NOW + 7_000 }), NOW + 7_000],
      [license({ expiresAt: NOW - DAY, graceDays: 2 }), NOW + DAY],
      [license({ heartbeatIntervalSec: 60, heartbeatGraceSec: 5, activations: [activation({ lastHeartbeatAt: NOW - 10_000 })] }), NOW - 10_000 + 65_000 + 1],
      [license({ heartbeatIntervalSec: 60, activations: [activation({ lastHeartbeatAt: null, createdAt: NOW - 30_000 }), activation({ id: "a2", identifier: "fp-cccccccccccccccc", lastHeartbeatAt: NOW - 50_000 })] }), NOW - 50_000 + 60_000 + 1],
    ];
    for (const [s, expected] of cases) {
      const until = decisionStableUntil(s, NOW);
      expect(until).toBe(expected);
      const first = answer(s, NOW);
      for (const at of [NOW + 1, Math.floor((NOW + until) / 2), until - 1]) expect(answer(s, at)).toBe(first);
      expect(answer(s, until)).not.toBe(first);
    }
  });

  it("ignores boundaries already passed and activations that are not live", () => {
    const s = license({
      paymentOverdueAt: NOW - 1, expiresAt: NOW - 5, heartbeatIntervalSec: 60,
      activations: [activation({ status: "DEAD", lastHeartbeatAt: NOW }), activation({ id: "a2", status: "RELEASED", lastHeartbeatAt: NOW })],
    });
    expect(decisionStableUntil(s, NOW)).toBe(Infinity);
    expect(decisionStableUntil(license(), NOW)).toBe(Infinity);
  });
});
