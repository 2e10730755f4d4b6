// What a person sees as a license's state: the stored status plus what time has done to it, in
// the evaluation order of codes.ts (revoked, suspended, payment overdue, expired, in grace).
export const LICENSE_DISPLAY_STATUSES = ["ACTIVE", "IN_GRACE", "EXPIRED", "PAYMENT_OVERDUE", "SUSPENDED", "REVOKED"] as const;
export type LicenseDisplayStatus = (typeof LICENSE_DISPLAY_STATUSES)[number];

const DAY_MS = 86_400_000;

export type DisplayStatusInput = {
  status: "ACTIVE" | "SUSPENDED" | "REVOKED";
  expiresAt: Date | null;
  paymentOverdueAt?: Date | null;
};

export function graceEndOf(expiresAt: Date | null, graceDays: number): Date | null {
  return expiresAt === null ? null : new Date(expiresAt.getTime() + graceDays * DAY_MS);
}

export function licenseDisplayStatus(l: DisplayStatusInput, graceDays: number, now: number = Date.now()): LicenseDisplayStatus {
  if (l.status === "REVOKED") return "REVOKED";
  if (l.status === "SUSPENDED") return "SUSPENDED";
  if (l.paymentOverdueAt && l.paymentOverdueAt.getTime() <= now) return "PAYMENT_OVERDUE";
  if (l.expiresAt === null || l.expiresAt.getTime() > now) return "ACTIVE";
  return graceEndOf(l.expiresAt, graceDays)!.getTime() > now ? "IN_GRACE" : "EXPIRED";
}

/** The badge colour of each state, shared by the portal and the admin panel. */
export const DISPLAY_STATUS_TONE = {
  ACTIVE: "green", IN_GRACE: "amber", EXPIRED: "slate", PAYMENT_OVERDUE: "amber", SUSPENDED: "amber", REVOKED: "red",
} as const satisfies Record<LicenseDisplayStatus, "green" | "amber" | "slate" | "red">;
