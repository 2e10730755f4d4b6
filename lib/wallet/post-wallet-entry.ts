import type { DbOrTx, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { WalletEntryKind } from "@/lib/generated/prisma/enums";

// The one place that writes the ledger. Every posting, inside one transaction:
//   1. locks the wallet row (userId, currency) with SELECT … FOR UPDATE (credits create it first);
//   2. looks up the idempotency key: a replay returns the original entry and changes nothing;
//   3. checks balance + delta >= 0, then updates the cached balance with the same guard in the
//      UPDATE's WHERE clause and appends the entry.
// Why a row lock and not only a conditional UPDATE: the UPDATE alone keeps the balance from going
// negative, but the idempotency check must be serialized with it, or two racing replays of one key
// would both move the balance and one would then fail on the unique key after the fact. Under the
// lock, the replay check, the guard and the write see one consistent state. It costs nothing in
// throughput: a conditional UPDATE takes the same row lock, so writes to one wallet queue either way.
// Called with a transaction client, it runs in a savepoint: an error (insufficient funds, a reused
// key) rolls back only this posting, so nothing is written even if the caller goes on.

export type WalletEntryView = {
  id: string;
  userId: string;
  currency: string;
  amountMinor: bigint;
  kind: WalletEntryKind;
  reason: string | null;
  orderId: string | null;
  createdAt: Date;
};

export type WalletPosting = { entry: WalletEntryView; balanceMinor: bigint; replayed: boolean };

export type PostingInput = {
  userId: string;
  currency: string;
  /** signed: credits > 0, debits < 0 */
  amountMinor: bigint;
  kind: WalletEntryKind;
  idempotencyKey: string;
  reason?: string | null;
  orderId?: string | null;
};

/** Wallet transactions queue on one row lock under bursts: give them time to get a connection and the lock. */
const WALLET_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export const WALLET_ENTRY_SELECT = {
  id: true, userId: true, currency: true, amountMinor: true, kind: true, reason: true, orderId: true, createdAt: true,
} as const;

/**
 * Runs `fn` in a new transaction, or in a savepoint of the caller's transaction. The options are
 * copied on every call: Prisma writes the parent transaction's id into the options object it is
 * given for a nested transaction, and a shared object would then send later calls into a closed one.
 */
export function inWalletTransaction<T>(client: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (client as Tx).$transaction(fn, { ...WALLET_TX_OPTIONS });
}

function insufficientFunds(): AppError {
  const message = "The wallet balance is too low for this amount.";
  return new AppError("CONFLICT", message, { fields: { amountMinor: [message] } });
}

async function lockWallet(tx: Tx, userId: string, currency: string): Promise<bigint | null> {
  const rows = await tx.$queryRaw<{ balanceMinor: bigint }[]>`
    SELECT "balanceMinor" FROM "Wallet" WHERE "userId" = ${userId} AND "currency" = ${currency} FOR UPDATE`;
  return rows[0] ? BigInt(rows[0].balanceMinor) : null;
}

async function assertUserExists(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { userId: ["User not found."] } });
}

/** An entry may point at an order; a purchase or refund only at one of the wallet owner's, in the wallet's currency. */
async function assertOrderFits(tx: Tx, p: PostingInput): Promise<void> {
  if (!p.orderId) return;
  const order = await tx.order.findUnique({ where: { id: p.orderId }, select: { userId: true, currency: true } });
  if (!order) throw new AppError("NOT_FOUND", "Order not found.", { fields: { orderId: ["Order not found."] } });
  if ((p.kind === "PURCHASE" || p.kind === "REFUND") && (order.userId !== p.userId || order.currency !== p.currency)) {
    throw new AppError("VALIDATION_FAILED", "The order does not belong to this wallet.", { fields: { orderId: ["The order belongs to another customer or currency."] } });
  }
}

function keyReused(): AppError {
  const message = "This idempotency key was already used for a different wallet operation.";
  return new AppError("CONFLICT", message, { fields: { idempotencyKey: [message] } });
}

function sameOperation(entry: WalletEntryView, p: PostingInput): boolean {
  return (
    entry.userId === p.userId &&
    entry.currency === p.currency &&
    entry.amountMinor === p.amountMinor &&
    entry.kind === p.kind &&
    entry.orderId === (p.orderId ?? null)
  );
}

/**
 * Appends one signed entry to a wallet and updates its cached balance, idempotently.
 * `afterWrite` runs in the same transaction after a new entry (not on a replay), e.g. an audit entry.
 */
export async function postWalletEntry(
  client: DbOrTx,
  p: PostingInput,
  afterWrite?: (tx: Tx, posting: WalletPosting) => Promise<void>,
): Promise<WalletPosting> {
  if (p.amountMinor === 0n) throw new AppError("VALIDATION_FAILED", "The amount must not be zero.", { fields: { amountMinor: ["Must not be zero."] } });
  return inWalletTransaction(client, async (tx) => {
    await assertUserExists(tx, p.userId);
    await assertOrderFits(tx, p);
    if (p.amountMinor > 0n) {
      await tx.$executeRaw`
        INSERT INTO "Wallet" ("userId", "currency", "balanceMinor", "updatedAt") VALUES (${p.userId}, ${p.currency}, 0, ${new Date()})
        ON CONFLICT ("userId", "currency") DO NOTHING`;
    }
    const balance = await lockWallet(tx, p.userId, p.currency);

    const existing = await tx.walletEntry.findUnique({ where: { idempotencyKey: p.idempotencyKey }, select: WALLET_ENTRY_SELECT });
    if (existing) {
      if (!sameOperation(existing, p)) throw keyReused();
      return { entry: existing, balanceMinor: balance ?? 0n, replayed: true };
    }

    if (balance === null || balance + p.amountMinor < 0n) throw insufficientFunds();
    const updated = await tx.$queryRaw<{ balanceMinor: bigint }[]>`
      UPDATE "Wallet" SET "balanceMinor" = "balanceMinor" + ${p.amountMinor}, "updatedAt" = ${new Date()}
      WHERE "userId" = ${p.userId} AND "currency" = ${p.currency} AND "balanceMinor" + ${p.amountMinor} >= 0
      RETURNING "balanceMinor"`;
    if (!updated[0]) throw insufficientFunds();

    const entry = await tx.walletEntry
      .create({
        data: {
          id: newId("walletEntry"), userId: p.userId, currency: p.currency, amountMinor: p.amountMinor, kind: p.kind,
          reason: p.reason ?? null, orderId: p.orderId ?? null, idempotencyKey: p.idempotencyKey, createdAt: new Date(),
        },
        select: WALLET_ENTRY_SELECT,
      })
      .catch((err: unknown) => {
        // The same key being written for another wallet at this very moment.
        if ((err as { code?: unknown } | null)?.code === "P2002") throw keyReused();
        throw err;
      });
    const posting = { entry, balanceMinor: BigInt(updated[0].balanceMinor), replayed: false };
    if (afterWrite) await afterWrite(tx, posting);
    return posting;
  });
}
