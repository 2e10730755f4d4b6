import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { debitWallet } from "@/lib/wallet/debit-wallet";
import { listWalletEntries } from "@/lib/wallet/queries";
import { checkWalletConsistency } from "@/lib/wallet/check-wallet-consistency";
import { createUser } from "../support/factories";

describe("wallet queries", () => {
  it("lists a customer's entries newest first, page by page, and never another customer's", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    for (let i = 1; i <= 7; i++) await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: BigInt(i), idempotencyKey: `u:${user.id}:${i}` });
    await creditWallet(db, { userId: user.id, currency: "EUR", amountMinor: 50n, idempotencyKey: `u:${user.id}:eur` });
    await debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 3n, idempotencyKey: `u:${user.id}:debit` });
    const theirs = await creditWallet(db, { userId: other.id, currency: "USD", amountMinor: 999n, idempotencyKey: `o:${other.id}` });

    const seen: bigint[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listWalletEntries({ userId: user.id, currency: "USD", cursor, limit: 3 });
      seen.push(...page.entries.map((e) => e.amountMinor));
      expect(page.entries.every((e) => e.userId === user.id && e.currency === "USD")).toBe(true);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([-3n, 7n, 6n, 5n, 4n, 3n, 2n, 1n]);

    const all = await listWalletEntries({ userId: user.id });
    expect(all.entries).toHaveLength(9);
    expect(all.nextCursor).toBeNull();
    expect(all.entries.some((e) => e.id === theirs.entry.id)).toBe(false);

    // Another customer's entry id is not a cursor into this ledger.
    const err = await listWalletEntries({ userId: user.id, cursor: theirs.entry.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields?.cursor).toBeDefined();
  });

  it("the consistency check finds a cached balance that disagrees with its ledger", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 400n, idempotencyKey: `c:${user.id}` });
    expect(await checkWalletConsistency(db, { userId: user.id })).toEqual([]);
    // Simulate a write that bypassed the ledger.
    await db.wallet.update({ where: { userId_currency: { userId: user.id, currency: "USD" } }, data: { balanceMinor: 450n } });
    expect(await checkWalletConsistency(db, { userId: user.id })).toEqual([{ userId: user.id, currency: "USD", cachedMinor: 450n, ledgerMinor: 400n }]);
    // And a ledger without its wallet row.
    await db.wallet.delete({ where: { userId_currency: { userId: user.id, currency: "USD" } } });
    expect(await checkWalletConsistency(db)).toEqual([{ userId: user.id, currency: "USD", cachedMinor: 0n, ledgerMinor: 400n }]);
  });
});
