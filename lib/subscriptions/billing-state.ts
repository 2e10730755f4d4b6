import type { LicenseStatus, SubscriptionStatus } from "@/lib/generated/prisma/enums";

// The pure rules that fold provider events into a subscription's state and project that state
// onto its licenses. Events may arrive more than once and in any order: every rule only moves
// forward (newer subscription states, later paid periods, the first failure, a revocation).

export type BillingState = {
  status: SubscriptionStatus;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  paidThroughAt: Date | null;
  paymentOverdueAt: Date | null;
  overduePeriodEnd: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  endedAt: Date | null;
  stateAsOf: Date | null;
};

export type BillingObservation =
  /** the subscription object as of `at` (an event's `created`, or a fresh read) */
  | { kind: "subscription"; at: Date; status: SubscriptionStatus; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean; endedAt: Date | null }
  /** an invoice for the service period ending at periodEnd was paid */
  | { kind: "paid"; periodEnd: Date }
  /** an invoice for the service period ending at periodEnd failed to be paid at `at` */
  | { kind: "failed"; at: Date; periodEnd: Date }
  /** a payment was disputed or refunded in full */
  | { kind: "revoked"; at: Date; reason: string };

const TERMINAL: ReadonlySet<SubscriptionStatus> = new Set(["CANCELED", "INCOMPLETE_EXPIRED"]);
const rank = (s: SubscriptionStatus) => (TERMINAL.has(s) ? 2 : s === "INCOMPLETE" ? 0 : 1);
const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a >= b ? a : b);
const earlier = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a <= b ? a : b);

export function isTerminal(status: SubscriptionStatus): boolean {
  return TERMINAL.has(status);
}

/** The state after one observation (the same object when nothing changes). */
export function foldBillingState(s: BillingState, o: BillingObservation): BillingState {
  switch (o.kind) {
    case "subscription": {
      if (isTerminal(s.status) && !isTerminal(o.status)) return s; // an ended subscription never comes back
      if (s.stateAsOf && o.at < s.stateAsOf) return s; // older than what we have
      if (s.stateAsOf && o.at.getTime() === s.stateAsOf.getTime() && rank(o.status) < rank(s.status)) return s;
      return {
        ...s,
        status: o.status,
        cancelAtPeriodEnd: o.cancelAtPeriodEnd,
        currentPeriodEnd: later(s.currentPeriodEnd, o.currentPeriodEnd),
        endedAt: isTerminal(o.status) ? (s.endedAt ?? o.endedAt ?? o.at) : s.endedAt,
        stateAsOf: o.at,
      };
    }
    case "paid": {
      const paidThroughAt = later(s.paidThroughAt, o.periodEnd);
      const settled = s.overduePeriodEnd !== null && o.periodEnd >= s.overduePeriodEnd;
      if (paidThroughAt === s.paidThroughAt && !settled) return s;
      return { ...s, paidThroughAt, ...(settled ? { paymentOverdueAt: null, overduePeriodEnd: null } : {}) };
    }
    case "failed": {
      if (s.paidThroughAt && o.periodEnd <= s.paidThroughAt) return s; // that period is paid already
      const paymentOverdueAt = earlier(s.paymentOverdueAt, o.at);
      const overduePeriodEnd = later(s.overduePeriodEnd, o.periodEnd);
      if (paymentOverdueAt === s.paymentOverdueAt && overduePeriodEnd === s.overduePeriodEnd) return s;
      return { ...s, paymentOverdueAt, overduePeriodEnd };
    }
    case "revoked":
      return s.revokedAt ? s : { ...s, revokedAt: o.at, revokedReason: o.reason };
  }
}

export type LicenseBillingFields = {
  status: LicenseStatus;
  suspendedReason: string | null;
  expiresAt: Date | null;
  paymentOverdueAt: Date | null;
};

export const OVERDUE_REASON = "payment_overdue";

/**
 * What a license of the subscription should look like. A license linked just now takes the paid
 * period as its expiry; afterwards the expiry only moves forward (a manual extension stays).
 * A license revoked for any reason stays as it is.
 */
export function projectLicense(s: BillingState, l: LicenseBillingFields, newlyLinked: boolean): LicenseBillingFields {
  if (l.status === "REVOKED") return l;
  if (s.revokedAt) return { ...l, status: "REVOKED", suspendedReason: s.revokedReason };
  const expiresAt = s.paidThroughAt === null ? l.expiresAt : newlyLinked ? s.paidThroughAt : later(l.expiresAt ?? s.paidThroughAt, s.paidThroughAt);
  const reinstate = l.status === "SUSPENDED" && l.suspendedReason === OVERDUE_REASON && s.paymentOverdueAt === null;
  return {
    status: reinstate ? "ACTIVE" : l.status,
    suspendedReason: reinstate ? null : l.suspendedReason,
    expiresAt,
    paymentOverdueAt: s.paymentOverdueAt,
  };
}

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

export function licenseFieldsChanged(a: LicenseBillingFields, b: LicenseBillingFields): boolean {
  return a.status !== b.status || a.suspendedReason !== b.suspendedReason || !sameTime(a.expiresAt, b.expiresAt) || !sameTime(a.paymentOverdueAt, b.paymentOverdueAt);
}

export function billingStateChanged(a: BillingState, b: BillingState): boolean {
  return (Object.keys(a) as (keyof BillingState)[]).some((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date || y instanceof Date ? !sameTime(x as Date | null, y as Date | null) : x !== y;
  });
}
