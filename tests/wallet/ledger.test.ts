import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { debitWallet } from "@/lib/wallet/debit-wallet";
import { adjustWallet } from "@/lib/wallet/adjust-wallet";
import { refundToWallet } from "@/lib/wallet/refund-to-wallet";
import { getWalletBalance, listWalletBalances, listWalletEntries } from "@/lib/wallet/queries";
import { checkWalletConsistency } from "@/lib/wallet/check-wallet-consistency";
import { createPaidOrderFor, createPendingOrderFor, createUser, viewerOf } from "../support/factories";

async function ledgerCounts() {
  const [entries, wallets, audit] = await Promise.all([db.walletEntry.count(), db.wallet.count(), db.auditLog.count()]);
  return { entries, wallets, audit };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const key = (tag: string) => `${tag}:${newId("event")}`;

describe("wallet ledger", () => {
  it("credits and debits move the balance and append signed entries", async () => {
    const user = await createUser();
    const credit = await creditWallet(db, { userId: user.id, currency: "usd", amountMinor: "2500", idempotencyKey: key("topup") });
    expect(credit).toMatchObject({ balanceMinor: 2500n, replayed: false, entry: { amountMinor: 2500n, kind: "TOP_UP", currency: "USD" } });
    const order = await createPendingOrderFor(user.id, { totalMinor: 999n });
    const debit = await debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 999n, orderId: order.id, idempotencyKey: key("pay") });
    expect(debit).toMatchObject({ balanceMinor: 1501n, entry: { amountMinor: -999n, kind: "PURCHASE", orderId: order.id } });
    expect(await getWalletBalance(user.id, "USD")).toBe(1501n);
    expect(await getWalletBalance(user.id, "EUR")).toBe(0n);
    expect(await listWalletBalances(user.id)).toEqual([{ currency: "USD", balanceMinor: 1501n }]);
    expect(await checkWalletConsistency(db, { userId: user.id })).toEqual([]);
  });

  it("refuses a debit larger than the balance and writes nothing, also inside a caller's transaction", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 500n, idempotencyKey: key("topup") });
    const before = await ledgerCounts();
    const err = await refusal(debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 501n, idempotencyKey: key("pay") }));
    expect(err.code).toBe("CONFLICT");
    expect(err.fields?.amountMinor).toBeDefined();
    // A wallet that does not exist has nothing to spend, and none is created.
    const err2 = await refusal(debitWallet(db, { userId: user.id, currency: "JPY", amountMinor: 1n, idempotencyKey: key("pay") }));
    expect(err2.code).toBe("CONFLICT");

    // The checkout catches the refusal and carries on in its own transaction: the debit left nothing behind.
    const caught = await db.$transaction(async (tx) => {
      const e = await debitWallet(tx, { userId: user.id, currency: "USD", amountMinor: 900n, idempotencyKey: key("pay") }).catch((x: unknown) => x);
      await tx.user.update({ where: { id: user.id }, data: { name: "Still here" } });
      return e;
    });
    expect(caught).toBeInstanceOf(AppError);
    expect(await ledgerCounts()).toEqual(before);
    expect(await getWalletBalance(user.id, "USD")).toBe(500n);
  });

  it("a debit inside the caller's transaction is undone when that transaction fails", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 500n, idempotencyKey: key("topup") });
    const failed = await db
      .$transaction(async (tx) => {
        await debitWallet(tx, { userId: user.id, currency: "USD", amountMinor: 200n, idempotencyKey: key("pay") });
        throw new Error("payment provider refused");
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await getWalletBalance(user.id, "USD")).toBe(500n);
    expect(await db.walletEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a replayed key returns the original entry; a key reused for another operation is refused", async () => {
    const user = await createUser();
    const k = key("topup");
    const first = await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 700n, idempotencyKey: k });
    const again = await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 700n, idempotencyKey: k });
    expect(again).toMatchObject({ replayed: true, balanceMinor: 700n });
    expect(again.entry).toEqual(first.entry);
    const before = await ledgerCounts();
    const err = await refusal(creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 701n, idempotencyKey: k }));
    expect(err.code).toBe("CONFLICT");
    expect(err.fields?.idempotencyKey).toBeDefined();
    const other = await createUser();
    expect((await refusal(debitWallet(db, { userId: other.id, currency: "USD", amountMinor: 700n, idempotencyKey: k }))).code).toBe("CONFLICT");
    expect(await ledgerCounts()).toEqual(before);
    expect(await getWalletBalance(user.id, "USD")).toBe(700n);

    // A debit replayed after the balance was spent still answers with the original entry.
    const spend = { userId: user.id, currency: "USD", amountMinor: 700n, idempotencyKey: key("pay") };
    const paid = await debitWallet(db, spend);
    expect(await debitWallet(db, spend)).toEqual({ entry: paid.entry, balanceMinor: 0n, replayed: true });
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    const user = await createUser();
    await creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 100n, idempotencyKey: key("topup") });
    const before = await ledgerCounts();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => creditWallet(db, { userId: user.id, currency: "USD", amountMinor: -5n, idempotencyKey: key("x") }), "VALIDATION_FAILED", "amountMinor"],
      [() => debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 0n, idempotencyKey: key("x") }), "VALIDATION_FAILED", "amountMinor"],
      [() => creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 1.5, idempotencyKey: key("x") }), "VALIDATION_FAILED", "amountMinor"],
      [() => creditWallet(db, { userId: user.id, currency: "USD", amountMinor: "1.50", idempotencyKey: key("x") }), "VALIDATION_FAILED", "amountMinor"],
      [() => creditWallet(db, { userId: user.id, currency: "XYZ", amountMinor: 100n, idempotencyKey: key("x") }), "VALIDATION_FAILED", "currency"],
      [() => creditWallet(db, { userId: user.id, currency: "US", amountMinor: 100n, idempotencyKey: key("x") }), "VALIDATION_FAILED", "currency"],
      [() => creditWallet(db, { userId: user.id, currency: "USD", amountMinor: 100n, idempotencyKey: "  " }), "VALIDATION_FAILED", "idempotencyKey"],
      [() => creditWallet(db, { userId: newId("user"), currency: "USD", amountMinor: 100n, idempotencyKey: key("x") }), "NOT_FOUND", "userId"],
      [() => debitWallet(db, { userId: newId("user"), currency: "USD", amountMinor: 1n, idempotencyKey: key("x") }), "NOT_FOUND", "userId"],
      [() => creditWallet(db, { userId: "not-a-user", currency: "USD", amountMinor: 100n, idempotencyKey: key("x") }), "VALIDATION_FAILED", "userId"],
      [() => debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 1n, orderId: newId("order"), idempotencyKey: key("x") }), "NOT_FOUND", "orderId"],
    ];
    for (const [p, code, field] of cases) {
      const err = await refusal(p());
      expect({ code: err.code, field: Object.keys(err.fields ?? {}) }).toEqual({ code, field: [field] });
    }
    // Another customer's order cannot be paid from this wallet.
    const stranger = await createUser();
    const theirs = await createPendingOrderFor(stranger.id);
    const err = await refusal(debitWallet(db, { userId: user.id, currency: "USD", amountMinor: 1n, orderId: theirs.id, idempotencyKey: key("x") }));
    expect(err.fields?.orderId).toBeDefined();
    expect(await ledgerCounts()).toEqual(before);
  });

  it("admin adjustments need an admin and a reason, are audited in the same transaction, and cannot go below zero", async () => {
    const [admin, customer, user] = await Promise.all([createUser({ role: "ADMIN" }), createUser(), createUser()]);
    const input = { userId: user.id, currency: "EUR", amountMinor: 1_250n, reason: "Goodwill for the outage", idempotencyKey: key("adj") };
    expect((await refusal(adjustWallet(db, viewerOf(customer), input))).code).toBe("FORBIDDEN");
    expect((await refusal(adjustWallet(db, null, input))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(adjustWallet(db, viewerOf(admin), { ...input, reason: " " }))).fields?.reason).toBeDefined();
    expect(await db.walletEntry.count({ where: { userId: user.id } })).toBe(0);

    const up = await adjustWallet(db, viewerOf(admin), input, { requestId: "req-123" });
    expect(up).toMatchObject({ balanceMinor: 1_250n, entry: { kind: "ADJUSTMENT", reason: "Goodwill for the outage" } });
    const audit = await db.auditLog.findMany({ where: { action: "wallet.adjust", targetId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, requestId: "req-123", data: { entryId: up.entry.id, amount: "12.50", balance: "12.50", currency: "EUR" } });

    const before = await ledgerCounts();
    const err = await refusal(adjustWallet(db, viewerOf(admin), { ...input, amountMinor: -1_251n, idempotencyKey: key("adj") }));
    expect(err.fields?.amountMinor).toBeDefined();
    expect(await ledgerCounts()).toEqual(before);
    const correction = { ...input, amountMinor: "-250", reason: "Duplicate goodwill", idempotencyKey: key("adj") };
    const down = await adjustWallet(db, viewerOf(admin), correction);
    expect(down.balanceMinor).toBe(1_000n);
    // Replaying an adjustment (a double-submitted form) writes no second entry and no second audit entry.
    expect(await adjustWallet(db, viewerOf(admin), correction)).toMatchObject({ replayed: true, entry: { id: down.entry.id } });
    expect(await db.auditLog.count({ where: { action: "wallet.adjust", targetId: user.id } })).toBe(2);
    expect(await checkWalletConsistency(db, { userId: user.id })).toEqual([]);
  });

  it("refunds to the wallet never exceed the order total and only apply to paid orders", async () => {
    const user = await createUser();
    const order = await createPaidOrderFor(user.id); // 10.00 USD
    const r1 = await refundToWallet(db, { userId: user.id, currency: "USD", amountMinor: 600n, orderId: order.id, idempotencyKey: `refund:${order.id}:1` });
    expect(r1).toMatchObject({ balanceMinor: 600n, entry: { kind: "REFUND", orderId: order.id, amountMinor: 600n } });
    const replay = await refundToWallet(db, { userId: user.id, currency: "USD", amountMinor: 600n, orderId: order.id, idempotencyKey: `refund:${order.id}:1` });
    expect(replay.replayed).toBe(true);
    const over = await refusal(refundToWallet(db, { userId: user.id, currency: "USD", amountMinor: 401n, orderId: order.id, idempotencyKey: `refund:${order.id}:2` }));
    expect(over.code).toBe("CONFLICT");
    await refundToWallet(db, { userId: user.id, currency: "USD", amountMinor: 400n, orderId: order.id, idempotencyKey: `refund:${order.id}:2` });
    expect(await getWalletBalance(user.id, "USD")).toBe(1_000n);

    const pending = await createPendingOrderFor(user.id);
    expect((await refusal(refundToWallet(db, { userId: user.id, currency: "USD", amountMinor: 1n, orderId: pending.id, idempotencyKey: key("r") }))).code).toBe("CONFLICT");
    expect((await refusal(refundToWallet(db, { userId: user.id, currency: "EUR", amountMinor: 1n, orderId: order.id, idempotencyKey: key("r") }))).code).toBe("CONFLICT");
    expect(await getWalletBalance(user.id, "USD")).toBe(1_000n);
  });
});
