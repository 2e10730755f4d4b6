import { z } from "zod";
import { db } from "@/lib/db";
import { STAFF_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { getLicenseDetail, listLicenses } from "./admin-queries";
import { graceEndOf, licenseDisplayStatus } from "./display-status";

// Staff reads for the admin panel (admins and support). Each checks the role itself.
export const staffLicenseSearch = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["ACTIVE", "SUSPENDED", "REVOKED"]).optional().catch(undefined),
  cursor: z.string().regex(/^lic_[0-9A-Z]{26}$/).optional().catch(undefined),
});

/** Search by full key, license id or customer email; cursor pages of 25, newest first. */
export async function searchLicensesAsStaff(viewer: Viewer | null, raw: unknown, now = Date.now()) {
  assertRole(viewer, STAFF_ROLES);
  const search = staffLicenseSearch.parse(raw ?? {});
  const page = await listLicenses({ q: search.q || undefined, status: search.status, cursor: search.cursor, take: 25 });
  const graceByPlan = await planGraceDays(page.items.map((l) => l.plan.id));
  return {
    search,
    nextCursor: page.nextCursor,
    items: page.items.map((l) => ({ ...l, displayStatus: licenseDisplayStatus(l, graceByPlan.get(l.plan.id) ?? 0, now) })),
  };
}

/** One license with its activations and plan policy; null when there is no such license. */
export async function getLicenseAsStaff(viewer: Viewer | null, licenseId: string, now = Date.now()) {
  assertRole(viewer, STAFF_ROLES);
  if (!/^lic_[0-9A-Z]{26}$/.test(licenseId)) return null;
  const license = await getLicenseDetail(licenseId);
  if (!license) return null;
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: license.plan.id },
    select: { gracePeriodDays: true, reassignmentLimit: true, reassignmentPeriodDays: true, reassignmentCooldownSec: true, heartbeatIntervalSec: true },
  });
  const live = (status: string) => (status === "ACTIVE" ? 0 : 1);
  return {
    ...license,
    activations: [...license.activations].sort((a, b) => live(a.status) - live(b.status) || b.createdAt.getTime() - a.createdAt.getTime()),
    policy: plan,
    displayStatus: licenseDisplayStatus(license, plan.gracePeriodDays, now),
    graceEndsAt: graceEndOf(license.expiresAt, plan.gracePeriodDays),
    activationsUsed: license.activations.filter((a) => a.status === "ACTIVE" && a.countsToLimit).length,
  };
}

export type StaffLicenseDetail = NonNullable<Awaited<ReturnType<typeof getLicenseAsStaff>>>;

async function planGraceDays(planIds: string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const plans = await db.plan.findMany({ where: { id: { in: [...new Set(planIds)] } }, select: { id: true, gracePeriodDays: true } });
  return new Map(plans.map((p) => [p.id, p.gracePeriodDays]));
}
