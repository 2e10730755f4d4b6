import { DECISION_DETAIL, VALID_CODES, type DecisionCode } from "./codes";
import { graceEndsAt, heartbeatDeadline, seatsUsed } from "./evaluate";
import type { ActivationState, LicenseSnapshot } from "./snapshot";

// The JSON every licensing decision answers with (before `message` and `receipt` are added).
export type LicenseView = {
  id: string;
  status: "active" | "suspended" | "revoked" | "expired";
  product: string;
  plan: string;
  expiresAt: string | null;
  graceEndsAt: string | null;
  entitlements: string[];
  activationsUsed: number;
  activationsLimit: number;
};

export type ActivationView = {
  id: string;
  kind: "fingerprint" | "domain";
  identifier: string;
  label: string | null;
  status: "active" | "released" | "dead";
  counts: boolean;
  heartbeatDueAt: string | null;
  createdAt: string;
};

export type Decision = {
  valid: boolean;
  code: DecisionCode;
  detail: string;
  license: LicenseView | null;
  activation: ActivationView | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function licenseView(s: LicenseSnapshot, now: number): LicenseView {
  const graceEnd = graceEndsAt(s);
  const status = s.status === "ACTIVE" && graceEnd !== null && graceEnd <= now ? "expired" : (s.status.toLowerCase() as LicenseView["status"]);
  return {
    id: s.id, status, product: s.productSlug, plan: s.planName, expiresAt: iso(s.expiresAt), graceEndsAt: iso(graceEnd),
    entitlements: s.entitlements, activationsUsed: seatsUsed(s, now), activationsLimit: s.seats,
  };
}

export function activationView(s: LicenseSnapshot, a: ActivationState): ActivationView {
  return {
    id: a.id, kind: a.kind === "FINGERPRINT" ? "fingerprint" : "domain", identifier: a.identifier, label: a.label,
    status: a.status.toLowerCase() as ActivationView["status"], counts: a.countsToLimit,
    heartbeatDueAt: iso(heartbeatDeadline(s, a)), createdAt: new Date(a.createdAt).toISOString(),
  };
}

export function decide(code: DecisionCode, s: LicenseSnapshot | null, a: ActivationState | null, now: number): Decision {
  // An unknown key learns nothing; a blocked license shows its state so clients can explain it.
  return {
    valid: VALID_CODES.has(code), code, detail: DECISION_DETAIL[code],
    license: s ? licenseView(s, now) : null,
    activation: s && a ? activationView(s, a) : null,
  };
}
