import { db } from "@/lib/db";
import { STAFF_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { listWalletBalances, listWalletEntries } from "@/lib/wallet/queries";

// Staff reads of one user for the admin user page: facts, counts, recent orders, wallet.

const USER_ID = /^usr_[0-9A-Z]{26}$/;
const WALLET_CURSOR = /^wle_[0-9A-Z]{26}$/;

/** One user as staff see them (never secrets: no password hash, no TOTP secret), or null. */
export async function getUserForAdmin(viewer: Viewer | null, userId: string) {
  assertRole(viewer, STAFF_ROLES);
  if (!USER_ID.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, locale: true, emailVerifiedAt: true, suspendedAt: true, createdAt: true,
      _count: { select: { licenses: true, orders: true } },
      orders: {
        orderBy: { id: "desc" }, take: 10,
        select: { id: true, status: true, currency: true, totalMinor: true, createdAt: true },
      },
    },
  });
  if (!user) return null;
  const [activeLicenses, balances] = await Promise.all([
    db.license.count({ where: { userId, status: "ACTIVE" } }),
    listWalletBalances(userId),
  ]);
  return { ...user, activeLicenses, balances };
}

/** A page of a user's wallet ledger for staff; a cursor that is not one of theirs starts over. */
export async function listUserWalletEntriesForAdmin(viewer: Viewer | null, userId: string, cursor?: string) {
  assertRole(viewer, STAFF_ROLES);
  const from = cursor && WALLET_CURSOR.test(cursor) && (await db.walletEntry.count({ where: { id: cursor, userId } })) > 0 ? cursor : undefined;
  return { ...(await listWalletEntries({ userId, cursor: from, limit: 25 })), cursor: from ?? null };
}
