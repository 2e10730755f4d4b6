import { db, type DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { WALLET_ENTRY_SELECT, type WalletEntryView } from "./post-wallet-entry";
import { currencyField, listWalletEntriesSchema, userIdField, type ListWalletEntriesInput } from "./schemas";

/** The cached balance of one wallet in minor units; 0 when the customer never had one. */
export async function getWalletBalance(userId: string, currency: string, client: DbOrTx = db): Promise<bigint> {
  const wallet = await client.wallet.findUnique({
    where: { userId_currency: { userId: parseInput(userIdField, userId), currency: parseInput(currencyField, currency) } },
    select: { balanceMinor: true },
  });
  return wallet?.balanceMinor ?? 0n;
}

/** Every wallet of a customer, one per currency. */
export async function listWalletBalances(userId: string, client: DbOrTx = db): Promise<{ currency: string; balanceMinor: bigint }[]> {
  return client.wallet.findMany({ where: { userId: parseInput(userIdField, userId) }, orderBy: { currency: "asc" }, select: { currency: true, balanceMinor: true } });
}

export type WalletEntryPage = { entries: WalletEntryView[]; nextCursor: string | null };

/**
 * A customer's ledger entries, newest first, a page at a time. The cursor is the last entry's id
 * of the previous page; only the customer's own entries are ever read, also through the cursor.
 */
export async function listWalletEntries(input: ListWalletEntriesInput, client: DbOrTx = db): Promise<WalletEntryPage> {
  const { userId, currency, cursor, limit } = parseInput(listWalletEntriesSchema, input);
  const where = { userId, ...(currency ? { currency } : {}) };
  let after = {};
  if (cursor) {
    const from = await client.walletEntry.findFirst({ where: { id: cursor, userId }, select: { id: true, createdAt: true } });
    if (!from) throw new AppError("VALIDATION_FAILED", "Not a valid cursor.", { fields: { cursor: ["Not a valid cursor."] } });
    after = { OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] };
  }
  const rows = await client.walletEntry.findMany({
    where: { ...where, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: WALLET_ENTRY_SELECT,
  });
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? entries[entries.length - 1]!.id : null };
}
