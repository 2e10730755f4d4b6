import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyLookupOf } from "./key-material";

// Staff and integration reads of licenses. Key material never leaves beyond the hint.
const LICENSE_SELECT = {
  id: true, keyHint: true, status: true, seats: true, entitlements: true, expiresAt: true, paymentOverdueAt: true,
  suspendedReason: true, keyRotatedAt: true, createdAt: true, updatedAt: true, batchId: true, orderItemId: true,
  user: { select: { id: true, email: true, name: true } },
  product: { select: { id: true, slug: true, name: true } },
  plan: { select: { id: true, slug: true, name: true } },
} as const;

export type LicenseSearch = { q?: string; status?: "ACTIVE" | "SUSPENDED" | "REVOKED"; cursor?: string; take?: number };

/** Search by full key (exact, via its hash), license id, or customer email/name (contains). */
export async function listLicenses(search: LicenseSearch) {
  const take = Math.min(Math.max(search.take ?? 50, 1), 200);
  const q = search.q?.trim();
  const where: Prisma.LicenseWhereInput = { ...(search.status ? { status: search.status } : {}) };
  if (q) {
    // A Keyfront key is only a key; text that could be an imported key may also be an email or name.
    const key = keyLookupOf(q);
    where.OR = key?.kind === "keyfront"
      ? [{ keyHash: key.hash }]
      : [...(key ? [{ keyHash: key.hash }] : []), { id: q }, { user: { email: { contains: q, mode: "insensitive" } } }, { user: { name: { contains: q, mode: "insensitive" } } }];
  }
  const rows = await db.license.findMany({
    where, orderBy: { id: "desc" }, take: take + 1, ...(search.cursor ? { cursor: { id: search.cursor }, skip: 1 } : {}),
    select: { ...LICENSE_SELECT, _count: { select: { activations: { where: { status: "ACTIVE" } } } } },
  });
  const page = rows.slice(0, take).map(({ _count, ...l }) => ({ ...l, activationsUsed: _count.activations }));
  return { items: page, nextCursor: rows.length > take ? page[page.length - 1]!.id : null };
}

export async function getLicenseDetail(id: string) {
  const row = await db.license.findUnique({
    where: { id },
    select: {
      ...LICENSE_SELECT,
      activations: {
        orderBy: { createdAt: "desc" }, take: 200,
        select: { id: true, kind: true, identifier: true, label: true, status: true, countsToLimit: true, lastHeartbeatAt: true, lastSeenAt: true, releasedAt: true, createdAt: true },
      },
    },
  });
  return row;
}
