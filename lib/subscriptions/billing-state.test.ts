import { describe, expect, it } from "vitest";
import { foldBillingState, projectLicense, type BillingObservation, type BillingState } from "./billing-state";

const d = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
const empty: BillingState = {
  status: "INCOMPLETE", currentPeriodEnd: null, cancelAtPeriodEnd: false, paidThroughAt: null, paymentOverdueAt: null, overduePeriodEnd: null,
  revokedAt: null, revokedReason: null, endedAt: null, stateAsOf: null,
};
const sub = (at: number, status: BillingState["status"], extra: Partial<{ cpe: number; cancel: boolean }> = {}): BillingObservation => ({
  kind: "subscription", at: d(at), status, currentPeriodEnd: extra.cpe === undefined ? null : d(extra.cpe), cancelAtPeriodEnd: extra.cancel ?? false, endedAt: null,
});
const fold = (obs: BillingObservation[], from = empty) => obs.reduce(foldBillingState, from);

/** Every order of the observations (small lists). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe("foldBillingState", () => {
  it("reaches the same state from any order of the same observations, repeated or not", () => {
    const obs: BillingObservation[] = [
      sub(0, "INCOMPLETE", { cpe: 30 }), sub(0, "ACTIVE", { cpe: 30 }), sub(31, "PAST_DUE", { cpe: 60 }),
      { kind: "paid", periodEnd: d(30) }, { kind: "failed", at: d(31), periodEnd: d(60) }, { kind: "paid", periodEnd: d(60) }, sub(33, "ACTIVE", { cpe: 60, cancel: true }),
    ];
    const expected = fold(obs);
    expect(expected).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: true, paidThroughAt: d(60), paymentOverdueAt: null, currentPeriodEnd: d(60), stateAsOf: d(33) });
    for (const order of permutations(obs)) expect(fold([...order, ...order])).toEqual(expected);
  });

  it("keeps the first failure as the start of the grace period and settles only when that period is paid", () => {
    const overdue = fold([{ kind: "paid", periodEnd: d(30) }, { kind: "failed", at: d(31), periodEnd: d(60) }, { kind: "failed", at: d(34), periodEnd: d(60) }]);
    expect(overdue).toMatchObject({ paymentOverdueAt: d(31), overduePeriodEnd: d(60) });
    expect(fold([{ kind: "paid", periodEnd: d(30) }], overdue)).toBe(overdue);
    expect(fold([{ kind: "paid", periodEnd: d(60) }], overdue)).toMatchObject({ paymentOverdueAt: null, paidThroughAt: d(60) });
  });

  it("never revives an ended subscription and keeps the first revocation", () => {
    const ended = fold([sub(0, "ACTIVE"), sub(30, "CANCELED")]);
    expect(fold([sub(40, "ACTIVE")], ended)).toBe(ended);
    const revoked = fold([{ kind: "revoked", at: d(3), reason: "chargeback" }, { kind: "revoked", at: d(5), reason: "refund" }]);
    expect(revoked).toMatchObject({ revokedAt: d(3), revokedReason: "chargeback" });
  });
});

describe("projectLicense", () => {
  const license = { status: "ACTIVE" as const, suspendedReason: null, expiresAt: null, paymentOverdueAt: null };
  it("a newly linked license takes the paid period; later only moves forward", () => {
    const s = { ...empty, paidThroughAt: d(30) };
    expect(projectLicense(s, license, true).expiresAt).toEqual(d(30));
    expect(projectLicense(s, { ...license, expiresAt: d(90) }, false).expiresAt).toEqual(d(90));
    expect(projectLicense(s, { ...license, expiresAt: d(90) }, true).expiresAt).toEqual(d(30));
  });
  it("reinstates only a suspension for non-payment, and leaves revoked licenses alone", () => {
    expect(projectLicense(empty, { ...license, status: "SUSPENDED", suspendedReason: "payment_overdue" }, false)).toMatchObject({ status: "ACTIVE", suspendedReason: null });
    expect(projectLicense(empty, { ...license, status: "SUSPENDED", suspendedReason: "abuse" }, false)).toMatchObject({ status: "SUSPENDED" });
    expect(projectLicense({ ...empty, paymentOverdueAt: d(1) }, { ...license, status: "SUSPENDED", suspendedReason: "payment_overdue" }, false).status).toBe("SUSPENDED");
    const revoked = { ...license, status: "REVOKED" as const, suspendedReason: "fraud" };
    expect(projectLicense({ ...empty, paidThroughAt: d(30) }, revoked, false)).toBe(revoked);
    expect(projectLicense({ ...empty, revokedAt: d(2), revokedReason: "chargeback" }, license, false)).toMatchObject({ status: "REVOKED", suspendedReason: "chargeback" });
  });
});
