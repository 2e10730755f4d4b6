import type { DecisionCode } from "./codes";
import type { ActivationState, LicenseSnapshot } from "./snapshot";

// The pure rules of a validation, in the documented order (see codes.ts). No I/O: the same
// function runs on a cached snapshot and on a fresh database read.
export type ValidationScope = {
  product?: string;
  fingerprint?: string;
  domain?: string;
  entitlements?: string[];
};

export type Evaluation = { code: DecisionCode; activation: ActivationState | null };

const DAY_MS = 86_400_000;

export function graceEndsAt(s: Pick<LicenseSnapshot, "expiresAt" | "graceDays">): number | null {
  return s.expiresAt === null ? null : s.expiresAt + s.graceDays * DAY_MS;
}

/** When the activation must have pinged by; null when its plan has no heartbeat. */
export function heartbeatDeadline(s: Pick<LicenseSnapshot, "heartbeatIntervalSec" | "heartbeatGraceSec">, a: ActivationState): number | null {
  if (!s.heartbeatIntervalSec) return null;
  return (a.lastHeartbeatAt ?? a.createdAt) + (s.heartbeatIntervalSec + s.heartbeatGraceSec) * 1000;
}

export function isActivationLive(s: LicenseSnapshot, a: ActivationState, now: number): boolean {
  if (a.status !== "ACTIVE") return false;
  const deadline = heartbeatDeadline(s, a);
  return deadline === null || deadline >= now;
}

/** Seats in use: live activations that count against the limit. */
export function seatsUsed(s: LicenseSnapshot, now: number): number {
  return s.activations.filter((a) => a.countsToLimit && isActivationLive(s, a, now)).length;
}

/** License-level rules (1–6): what blocks the license whatever the device. */
export function evaluateLicenseState(s: LicenseSnapshot | null, product: string | undefined, now: number): DecisionCode | null {
  if (!s) return "NOT_FOUND";
  if (product !== undefined && product !== s.productSlug && product !== s.productId) return "PRODUCT_MISMATCH";
  if (s.status === "REVOKED") return "REVOKED";
  if (s.status === "SUSPENDED") return "SUSPENDED";
  if (s.paymentOverdueAt !== null && s.paymentOverdueAt <= now) return "PAYMENT_OVERDUE";
  const graceEnd = graceEndsAt(s);
  if (graceEnd !== null && graceEnd <= now) return "EXPIRED";
  return null;
}

export function evaluateValidation(s: LicenseSnapshot | null, scope: ValidationScope, now: number): Evaluation {
  const blocked = evaluateLicenseState(s, scope.product, now);
  if (blocked || !s) return { code: blocked ?? "NOT_FOUND", activation: null };

  let activation: ActivationState | null = null;
  const identifier = scope.fingerprint ?? scope.domain;
  if (identifier !== undefined) {
    const kind = scope.fingerprint !== undefined ? "FINGERPRINT" : "DOMAIN";
    activation = s.activations.find((a) => a.kind === kind && a.identifier === identifier) ?? null;
    if (!activation || activation.status === "RELEASED") {
      const anyLive = s.activations.some((a) => isActivationLive(s, a, now));
      const mismatch = kind === "FINGERPRINT" ? "FINGERPRINT_MISMATCH" : "DOMAIN_MISMATCH";
      return { code: anyLive ? mismatch : "NOT_ACTIVATED", activation: null };
    }
    if (!isActivationLive(s, activation, now)) return { code: "HEARTBEAT_DEAD", activation };
    if (activation.countsToLimit) {
      // Seats lowered after activation: the earliest activations keep theirs.
      const live = s.activations.filter((a) => a.countsToLimit && isActivationLive(s, a, now));
      if (live.indexOf(activation) >= s.seats) return { code: "ACTIVATION_LIMIT_REACHED", activation };
    }
  }

  if (scope.entitlements?.some((e) => !s.entitlements.includes(e))) return { code: "ENTITLEMENT_MISSING", activation };
  if (s.expiresAt !== null && s.expiresAt <= now) return { code: "EXPIRED_IN_GRACE", activation };
  return { code: "VALID", activation };
}

/**
 * The first instant after `now` at which a validation of this snapshot (its code, and the seat
 * count and status it shows) may answer differently: the payment due date, the expiry, the end
 * of grace, an activation's heartbeat deadline passing. Until then every validation of the same
 * snapshot and scope gives the same decision; Infinity when nothing in it depends on time.
 */
export function decisionStableUntil(s: LicenseSnapshot, now: number): number {
  let until = Infinity;
  const consider = (at: number | null) => {
    if (at !== null && at > now && at < until) until = at;
  };
  consider(s.paymentOverdueAt);
  consider(s.expiresAt);
  consider(graceEndsAt(s));
  for (const a of s.activations) {
    if (a.status !== "ACTIVE") continue;
    const deadline = heartbeatDeadline(s, a);
    // Live while deadline >= now: the answer changes one millisecond after the deadline.
    if (deadline !== null) consider(deadline + 1);
  }
  return until;
}
