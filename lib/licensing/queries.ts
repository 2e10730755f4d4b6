import { db } from "@/lib/db";

const OWNER_LICENSE_SELECT = {
  id: true, keyHint: true, status: true, seats: true, entitlements: true, expiresAt: true, createdAt: true,
  product: { select: { name: true, slug: true } },
  plan: { select: { name: true } },
  _count: { select: { activations: { where: { status: "ACTIVE" as const } } } },
} as const;

/** A customer's own licenses, newest first. Never returns key material beyond the hint. */
export async function listLicensesForOwner(userId: string) {
  const rows = await db.license.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: OWNER_LICENSE_SELECT, take: 200 });
  return rows.map(({ _count, ...l }) => ({ ...l, activationsUsed: _count.activations }));
}

/** One license if and only if it belongs to the user; otherwise null (callers answer 404). */
export async function getLicenseForOwner(userId: string, licenseId: string) {
  const row = await db.license.findFirst({ where: { id: licenseId, userId }, select: OWNER_LICENSE_SELECT });
  if (!row) return null;
  const { _count, ...l } = row;
  return { ...l, activationsUsed: _count.activations };
}

export async function countActiveLicenses(userId?: string): Promise<number> {
  return db.license.count({ where: { status: "ACTIVE", ...(userId ? { userId } : {}) } });
}
