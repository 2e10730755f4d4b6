import { db, type DbOrTx } from "@/lib/db";

export type WalletMismatch = { userId: string; currency: string; cachedMinor: bigint; ledgerMinor: bigint };

/**
 * Compares every cached wallet balance with the sum of its ledger (also ledgers without a wallet
 * row, and wallets without entries). An empty list means the books balance.
 */
export async function checkWalletConsistency(client: DbOrTx = db, scope: { userId?: string } = {}): Promise<WalletMismatch[]> {
  const userId = scope.userId ?? null;
  const rows = await client.$queryRaw<{ userId: string; currency: string; cachedMinor: bigint; ledgerMinor: bigint }[]>`
    WITH ledger AS (
      SELECT "userId", "currency", SUM("amountMinor")::bigint AS total
      FROM "WalletEntry" WHERE (${userId}::text IS NULL OR "userId" = ${userId}::text)
      GROUP BY "userId", "currency"
    ), cached AS (
      SELECT "userId", "currency", "balanceMinor" AS total
      FROM "Wallet" WHERE (${userId}::text IS NULL OR "userId" = ${userId}::text)
    )
    SELECT COALESCE(c."userId", l."userId") AS "userId", COALESCE(c."currency", l."currency")::text AS "currency",
           COALESCE(c.total, 0)::bigint AS "cachedMinor", COALESCE(l.total, 0)::bigint AS "ledgerMinor"
    FROM cached c FULL OUTER JOIN ledger l ON l."userId" = c."userId" AND l."currency" = c."currency"
    WHERE COALESCE(c.total, 0) <> COALESCE(l.total, 0) OR COALESCE(c.total, 0) < 0
    ORDER BY 1, 2`;
  return rows.map((r) => ({ userId: r.userId, currency: r.currency, cachedMinor: BigInt(r.cachedMinor), ledgerMinor: BigInt(r.ledgerMinor) }));
}
