import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { debitWallet } from "@/lib/wallet/debit-wallet";
import { getWalletBalance } from "@/lib/wallet/queries";
import { checkWalletConsistency } from "@/lib/wallet/check-wallet-consistency";
import { createUser, retryWhenBusy } from "../support/factories";

type Outcome = { ok: true; balanceMinor: bigint; entryId: string; replayed: boolean } | { ok: false; code: string; fields: string[] };

async function attempt(fn: () => Promise<{ balanceMinor: bigint; entry: { id: string }; replayed: boolean }>): Promise<Outcome> {
  try {
    const r = await retryWhenBusy(fn);
    return { ok: true, balanceMinor: r.balanceMinor, entryId: r.entry.id, replayed: r.replayed };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ok: false, code: err.code, fields: Object.keys(err.fields ?? {}) };
  }
}

describe("wallet under concurrency", () => {
  it("200 parallel debits of 1.00 on a balance of 100.00: exactly 100 succeed and the balance never goes negative", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 10_000n, idempotencyKey: `topup:${user.id}` });

    // Watch the balance while the debits race: it must never be seen below zero.
    const seen: bigint[] = [];
    let racing = true;
    const watcher = (async () => {
      while (racing) {
        seen.push(await getWalletBalance(user.id, "USD"));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt(() =>
          // Half of them inside a caller's own transaction, as the checkout does.
          i % 2
            ? db.$transaction((tx) => debitWallet(tx, { userId: user.id, currency: "USD", amountMinor: 100n, idempotencyKey: `debit:${user.id}:${i}` }), { maxWait: 30_000, timeout: 30_000 })
            : debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 100n, idempotencyKey: `debit:${user.id}:${i}` }),
        ),
      ),
    );
    racing = false;
    await watcher;

    const ok = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    expect(refused.every((o) => o.code === "CONFLICT" && o.fields.includes("amountMinor"))).toBe(true);
    // Each successful debit saw a different balance after it: they ran one after another.
    const after = new Set(ok.map((o) => o.balanceMinor));
    expect(after.size).toBe(100);
    expect([...after].every((b) => b >= 0n && b < 10_000n && b % 100n === 0n)).toBe(true);
    expect(after.has(0n)).toBe(true);

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((b) => b >= 0n)).toBe(true);
    expect(await getWalletBalance(user.id, "USD")).toBe(0n);
    expect(await db.walletEntry.count({ where: { userId: user.id, kind: "PURCHASE" } })).toBe(100);
    const sum = await db.walletEntry.aggregate({ where: { userId: user.id, currency: "USD" }, _sum: { amountMinor: true } });
    expect(sum._sum.amountMinor).toBe(0n);
    expect(await checkWalletConsistency(db, { userId: user.id })).toEqual([]);
  });

  it("the same idempotency key 20 times in parallel is one entry", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "EUR", amountMinor: 5_000n, idempotencyKey: `topup:${user.id}` });
    const debits = await Promise.all(
      Array.from({ length: 20 }, () => attempt(() => debitWallet(db, { userId: user.id, currency: "EUR", amountMinor: 1_234n, idempotencyKey: `order-payment:${user.id}` }))),
    );
    expect(debits.every((o) => o.ok)).toBe(true);
    const ids = new Set(debits.map((o) => (o.ok ? o.entryId : null)));
    expect(ids.size).toBe(1);
    expect(debits.filter((o) => o.ok && !o.replayed)).toHaveLength(1);
    expect(await db.walletEntry.count({ where: { userId: user.id } })).toBe(2);
    expect(await getWalletBalance(user.id, "EUR")).toBe(5_000n - 1_234n);

    // Racing replays of a credit that creates the wallet behave the same.
    const other = await createUser();
    const credits = await Promise.all(
      Array.from({ length: 20 }, () => attempt(() => creditWallet(db, { userId: other.id, currency: "GBP", amountMinor: 700n, idempotencyKey: `gateway:evt_${other.id}` }))),
    );
    expect(new Set(credits.map((o) => (o.ok ? o.entryId : null))).size).toBe(1);
    expect(await getWalletBalance(other.id, "GBP")).toBe(700n);
    expect(await db.walletEntry.count({ where: { userId: other.id } })).toBe(1);
    expect(await checkWalletConsistency(db)).toEqual([]);
  });

  it("debits of different wallets do not block each other's balances", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await Promise.all([a, b].map((u) => creditWallet(db, { userId: u.id, currency: "USD", amountMinor: 1_000n, idempotencyKey: `topup:${u.id}` })));
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const u = i % 2 ? a : b;
        return attempt(() => debitWallet(db, { userId: u.id, currency: "USD", amountMinor: 100n, idempotencyKey: `d:${u.id}:${i}` }));
      }),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(20);
    expect(await getWalletBalance(a.id, "USD")).toBe(0n);
    expect(await getWalletBalance(b.id, "USD")).toBe(0n);
    expect(await checkWalletConsistency(db)).toEqual([]);
  });
});
