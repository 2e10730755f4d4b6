import { db } from "@/lib/db";
import { listWalletBalances, listWalletEntries, type WalletEntryPage } from "./queries";

const CURSOR = /^wle_[0-9A-Z]{26}$/;

/**
 * The signed-in customer's wallet for the portal: balances per currency and one page of the
 * ledger. Everything is read by the owner's id; a cursor that is not one of the owner's entries
 * (another customer's, or garbage) starts from the newest entry instead.
 */
export async function getOwnWallet(ownerId: string, cursor?: string): Promise<{ balances: { currency: string; balanceMinor: bigint }[]; page: WalletEntryPage; cursor: string | null }> {
  const from = cursor && CURSOR.test(cursor) && (await db.walletEntry.count({ where: { id: cursor, userId: ownerId } })) > 0 ? cursor : undefined;
  const [balances, page] = await Promise.all([listWalletBalances(ownerId), listWalletEntries({ userId: ownerId, cursor: from, limit: 25 })]);
  return { balances, page, cursor: from ?? null };
}
