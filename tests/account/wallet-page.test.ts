import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import { getOwnWallet } from "@/lib/wallet/get-own-wallet";
import { createUser } from "../support/factories";

describe("portal wallet page data", () => {
  it("shows a customer only their own balances and entries, whatever cursor they send", async () => {
    const [alice, bob] = [await createUser(), await createUser()];
    for (let i = 1; i <= 30; i++) await creditWallet(db, { userId: alice.id, currency: "USD", amountMinor: BigInt(i), idempotencyKey: `a:${alice.id}:${i}` });
    await creditWallet(db, { userId: bob.id, currency: "EUR", amountMinor: 777n, idempotencyKey: `b:${bob.id}` });
    const bobEntry = await db.walletEntry.findFirstOrThrow({ where: { userId: bob.id } });

    const first = await getOwnWallet(alice.id);
    expect(first.balances).toEqual([{ currency: "USD", balanceMinor: 465n }]);
    expect(first.page.entries).toHaveLength(25);
    expect(first.page.entries.every((e) => e.userId === alice.id)).toBe(true);
    expect(first.page.entries[0]!.amountMinor).toBe(30n);
    const second = await getOwnWallet(alice.id, first.page.nextCursor!);
    expect(second.page.entries.map((e) => e.amountMinor)).toEqual([5n, 4n, 3n, 2n, 1n]);
    expect(second.page.nextCursor).toBeNull();

    // Bob's entry as a cursor does not reveal anything of Bob's: Alice sees her newest page.
    const probing = await getOwnWallet(alice.id, bobEntry.id);
    expect(probing.cursor).toBeNull();
    expect(probing.page.entries.some((e) => e.userId !== alice.id)).toBe(false);
    expect(probing.page.entries[0]!.amountMinor).toBe(30n);
    expect((await getOwnWallet(alice.id, "not-a-cursor")).page.entries).toHaveLength(25);

    const bobs = await getOwnWallet(bob.id, first.page.nextCursor!);
    expect(bobs.balances).toEqual([{ currency: "EUR", balanceMinor: 777n }]);
    expect(bobs.page.entries.map((e) => e.id)).toEqual([bobEntry.id]);
  });
});
