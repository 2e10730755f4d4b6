import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adjustWalletByForm } from "@/lib/wallet/adjust-wallet-by-form";
import { getWalletBalance } from "@/lib/wallet/queries";
import { getUserForAdmin, listUserWalletEntriesForAdmin } from "@/lib/users/admin-queries";
import { createUser, viewerOf } from "../support/factories";

const nonce = () => `n${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24);
const ctx = { ip: "10.0.0.7", requestId: "req-wallet" };

async function counts(userId: string) {
  const [entries, audit] = await Promise.all([db.walletEntry.count({ where: { userId } }), db.auditLog.count({ where: { targetId: userId } })]);
  return { entries, audit, balance: await getWalletBalance(userId, "USD") };
}

describe("admin wallet adjustment form", () => {
  it("credits in the currency's decimals, audited with the reason; the same nonce twice (also at once) posts once", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const customer = await createUser();
    const form = { userId: customer.id, currency: "usd", amount: "12.50", reason: "Goodwill for the outage", nonce: nonce() };
    const results = await Promise.all(Array.from({ length: 5 }, () => adjustWalletByForm(admin, form, ctx)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await counts(customer.id)).toEqual({ entries: 1, audit: 1, balance: 1250n });
    const entry = await db.walletEntry.findFirstOrThrow({ where: { userId: customer.id } });
    expect(entry).toMatchObject({ kind: "ADJUSTMENT", amountMinor: 1250n, currency: "USD", reason: "Goodwill for the outage" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: customer.id } });
    expect(audit).toMatchObject({ action: "wallet.adjust", actorId: admin.id, ip: ctx.ip });
    expect(audit.data).toMatchObject({ amount: "12.50", balance: "12.50", currency: "USD", reason: "Goodwill for the outage" });

    // A new form (new nonce) is a new adjustment.
    await adjustWalletByForm(admin, { ...form, amount: "-2.50", nonce: nonce() }, ctx);
    expect(await counts(customer.id)).toEqual({ entries: 2, audit: 2, balance: 1000n });
  });

  it("refuses a deduction below zero and bad input with field errors, writing nothing", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const customer = await createUser();
    await adjustWalletByForm(admin, { userId: customer.id, currency: "USD", amount: "3", reason: "Start", nonce: nonce() });
    const before = await counts(customer.id);
    const base = { userId: customer.id, currency: "USD", reason: "Correction", nonce: nonce() };
    await expect(adjustWalletByForm(admin, { ...base, amount: "-3.01" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { amount: ["wouldGoNegative"] } });
    await expect(adjustWalletByForm(admin, { ...base, currency: "EUR", amount: "-1" })).rejects.toMatchObject({ fields: { amount: ["wouldGoNegative"] } });
    await expect(adjustWalletByForm(admin, { ...base, amount: "1.234" })).rejects.toMatchObject({ fields: { amount: ["tooManyDecimals"] } });
    await expect(adjustWalletByForm(admin, { ...base, amount: "0.00" })).rejects.toMatchObject({ fields: { amount: ["zeroAmount"] } });
    await expect(adjustWalletByForm(admin, { ...base, amount: "1e3", currency: "XYZ", reason: " ", nonce: "short" })).rejects.toMatchObject({
      fields: { amount: ["amountInvalid"], currency: ["currencyUnknown"], reason: ["reasonRequired"], nonce: ["invalid"] },
    });
    expect(await counts(customer.id)).toEqual(before);
    // The refused nonce was not used up: the corrected amount goes through with it.
    await adjustWalletByForm(admin, { ...base, amount: "-3.00" });
    expect(await counts(customer.id)).toMatchObject({ entries: 2, balance: 0n });
  });

  it.each(["SUPPORT", "CUSTOMER"] as const)("a %s cannot adjust a wallet", async (role) => {
    const viewer = viewerOf(await createUser({ role }));
    const customer = await createUser();
    await expect(adjustWalletByForm(viewer, { userId: customer.id, currency: "USD", amount: "100", reason: "Free money", nonce: nonce() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adjustWalletByForm(null, { userId: customer.id, currency: "USD", amount: "100", reason: "Free money", nonce: nonce() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await counts(customer.id)).toEqual({ entries: 0, audit: 0, balance: 0n });
  });

  it("the admin user page reads facts, balances and one user's ledger only; support may read it, customers may not", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const [customer, other] = [await createUser(), await createUser()];
    await adjustWalletByForm(admin, { userId: customer.id, currency: "EUR", amount: "4", reason: "Mine", nonce: nonce() });
    const theirs = await adjustWalletByForm(admin, { userId: other.id, currency: "EUR", amount: "9", reason: "Theirs", nonce: nonce() });
    expect(theirs.balanceMinor).toBe(900n);
    const user = await getUserForAdmin(support, customer.id);
    expect(user).toMatchObject({ email: customer.email, balances: [{ currency: "EUR", balanceMinor: 400n }], _count: { licenses: 0, orders: 0 } });
    expect(JSON.stringify(user, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("passwordHash");
    const ledger = await listUserWalletEntriesForAdmin(support, customer.id);
    expect(ledger.entries.map((e) => e.reason)).toEqual(["Mine"]);
    const otherEntry = await db.walletEntry.findFirstOrThrow({ where: { userId: other.id } });
    // Another user's entry id is no cursor into this ledger: it starts over from the newest.
    expect((await listUserWalletEntriesForAdmin(support, customer.id, otherEntry.id)).entries.map((e) => e.reason)).toEqual(["Mine"]);
    await expect(getUserForAdmin(viewerOf(customer), other.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
