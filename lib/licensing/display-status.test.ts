import { describe, expect, it } from "vitest";
import { graceEndOf, licenseDisplayStatus } from "./display-status";

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);

describe("licenseDisplayStatus", () => {
  it("follows the evaluation order: revoked, suspended, overdue, expired, grace, active", () => {
    const past = new Date(now - 10 * DAY);
    expect(licenseDisplayStatus({ status: "REVOKED", expiresAt: past, paymentOverdueAt: past }, 0, now)).toBe("REVOKED");
    expect(licenseDisplayStatus({ status: "SUSPENDED", expiresAt: past, paymentOverdueAt: past }, 0, now)).toBe("SUSPENDED");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: past, paymentOverdueAt: past }, 0, now)).toBe("PAYMENT_OVERDUE");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: past }, 5, now)).toBe("EXPIRED");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: past }, 30, now)).toBe("IN_GRACE");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: new Date(now + DAY) }, 0, now)).toBe("ACTIVE");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: null }, 0, now)).toBe("ACTIVE");
  });

  it("treats a future overdue mark and the exact expiry instant correctly", () => {
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: null, paymentOverdueAt: new Date(now + 1) }, 0, now)).toBe("ACTIVE");
    expect(licenseDisplayStatus({ status: "ACTIVE", expiresAt: new Date(now) }, 0, now)).toBe("EXPIRED");
  });

  it("computes the end of the grace period", () => {
    expect(graceEndOf(null, 7)).toBeNull();
    expect(graceEndOf(new Date(now), 7)!.getTime()).toBe(now + 7 * DAY);
  });
});
