import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { quoteCart } from "@/lib/checkout/quote-cart";
import { isQuoteChangedError } from "@/lib/checkout/quote-changed-error";
import { createOrder } from "@/lib/orders/create-order";
import { createPromoCode, createUser, retryWhenBusy } from "../support/factories";
import { checkoutCounts, createPricedPlan, failure, fundWallet } from "./support";

const nonce = () => `checkout-${randomBytes(8).toString("hex")}`;

async function confirmed(userId: string, cart: { currency?: string; lines: { planId: string; quantity: number }[]; promoCode?: string; useWallet?: boolean }) {
  const request = { userId, currency: cart.currency ?? "USD", lines: cart.lines, promoCode: cart.promoCode, useWallet: cart.useWallet ?? false };
  const q = await quoteCart(request);
  return { ...request, quoteHash: q.quoteHash, idempotencyKey: nonce() };
}

describe("createOrder", () => {
  it("stores the order, its lines and the quote snapshot, pending with an expiry", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 1500n } });
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 2 }] });
    const { order, replayed } = await createOrder(input);
    expect(replayed).toBe(false);
    expect(order).toMatchObject({ status: "PENDING", kind: "PURCHASE", currency: "USD", totalMinor: 3000n, walletMinor: 0n, dueMinor: 3000n });
    expect(order.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true } });
    expect(row.items).toMatchObject([{ planId: plan.id, quantity: 2, unitPriceMinor: 1500n, totalMinor: 3000n }]);
    expect((row.quote as { totals: { totalMinor: string } }).totals.totalMinor).toBe("3000");
  });

  it("refuses a stale quote with QUOTE_CHANGED and the new quote, writing nothing", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 1000n } });
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 1 }] });
    await db.price.updateMany({ where: { planId: plan.id }, data: { amountMinor: 1200n } });
    const before = await checkoutCounts();
    const err = await failure(createOrder(input));
    expect(err.code).toBe("QUOTE_CHANGED");
    expect(isQuoteChangedError(err)).toBe(true);
    if (isQuoteChangedError(err)) expect(err.quote.quote.totals.totalMinor).toBe(1200n);
    expect(await checkoutCounts()).toEqual(before);
  });

  it("the same idempotency key gives the same order back, also when submitted 10 times at once", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan();
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 1 }] });
    const results = await Promise.all(Array.from({ length: 10 }, () => retryWhenBusy(() => createOrder(input))));
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    // Another customer presenting the key gets a conflict, not the order.
    const other = await createUser();
    expect((await failure(createOrder({ ...input, userId: other.id }))).code).toBe("CONFLICT");
  });

  it("a promo code with 10 uses left gives exactly 10 of 50 parallel checkouts", async () => {
    const { plan } = await createPricedPlan({ prices: { USD: 1000n } });
    const promo = await createPromoCode({ maxRedemptions: 10 });
    const users = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    const inputs = await Promise.all(users.map((u) => confirmed(u.id, { lines: [{ planId: plan.id, quantity: 1 }], promoCode: promo.code })));
    const outcomes = await Promise.allSettled(inputs.map((input) => retryWhenBusy(() => createOrder(input))));
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    expect(ok).toHaveLength(10);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "CONFLICT", fields: { promoCode: expect.any(Array) } });
    expect(await db.order.count({ where: { promoCodeId: promo.id } })).toBe(10);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(10);
    expect(await db.promoRedemption.count({ where: { promoCodeId: promo.id } })).toBe(10);
  }, 120_000);

  it("a partly wallet-paid order holds the wallet part at once and stays pending for the rest", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 2500n }, activationLimit: 2 });
    await fundWallet(user.id, 5000n);
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 3 }], useWallet: true });
    const { order } = await createOrder(input);
    expect(order).toMatchObject({ status: "PENDING", totalMinor: 7500n, walletMinor: 5000n, dueMinor: 2500n });
    expect((await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId: user.id, currency: "USD" } } })).balanceMinor).toBe(0n);
    expect(await db.walletEntry.findMany({ where: { orderId: order.id }, select: { kind: true, amountMinor: true } })).toEqual([{ kind: "PURCHASE", amountMinor: -5000n }]);
    expect(await db.license.count({ where: { userId: user.id } })).toBe(0);
  });

  it("wallet-only: nothing left to pay → PAID with one license per line and the emails", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 2500n }, activationLimit: 2 });
    await fundWallet(user.id, 10_000n);
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 3 }], useWallet: true });
    const { order } = await createOrder(input);
    expect(order).toMatchObject({ status: "PAID", totalMinor: 7500n, walletMinor: 7500n, dueMinor: 0n });
    const licenses = await db.license.findMany({ where: { userId: user.id } });
    expect(licenses).toHaveLength(1);
    expect(licenses[0]).toMatchObject({ planId: plan.id, seats: 6, status: "ACTIVE" });
    expect((await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId: user.id, currency: "USD" } } })).balanceMinor).toBe(2500n);
    expect(await db.email.count({ where: { to: user.email } })).toBe(2);
  });

  it("a 100 % promo code makes a free order that is fulfilled at once", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 990n } });
    const promo = await db.promoCode.create({ data: { id: newId("promo"), code: `FREE-${randomBytes(3).toString("hex").toUpperCase()}`, kind: "PERCENT", percentBp: 10_000 } });
    const { order } = await createOrder(await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 1 }], promoCode: promo.code }));
    expect(order).toMatchObject({ status: "PAID", totalMinor: 0n, dueMinor: 0n });
    expect(await db.license.count({ where: { userId: user.id } })).toBe(1);
  });

  it("200 parallel wallet checkouts on a balance for 100 never take the wallet below zero", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan({ prices: { USD: 100n } });
    await fundWallet(user.id, 10_000n);
    const input = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 1 }], useWallet: true });
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => retryWhenBusy(() => createOrder({ ...input, idempotencyKey: nonce() }))));
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    expect(ok).toHaveLength(100);
    for (const o of outcomes) if (o.status === "rejected") expect((o.reason as { code: string }).code).toMatch(/^(CONFLICT|QUOTE_CHANGED)$/);
    const wallet = await db.wallet.findUniqueOrThrow({ where: { userId_currency: { userId: user.id, currency: "USD" } } });
    expect(wallet.balanceMinor).toBe(0n);
    expect(await db.order.count({ where: { userId: user.id, status: "PAID" } })).toBe(100);
    expect(await db.license.count({ where: { userId: user.id } })).toBe(100);
  }, 180_000); // 200 checkouts on one wallet row queue on its lock: slow on a loaded machine, by design

  it("bad input is refused with field errors and writes nothing", async () => {
    const user = await createUser();
    const { plan } = await createPricedPlan();
    const good = await confirmed(user.id, { lines: [{ planId: plan.id, quantity: 1 }] });
    const before = await checkoutCounts();
    const cases: Record<string, unknown>[] = [
      { ...good, userId: "nobody" }, { ...good, quoteHash: "abc" }, { ...good, idempotencyKey: "" }, { ...good, lines: [{ planId: plan.id, quantity: 0 }] },
      { ...good, currency: "ZZZ" }, { ...good, promoCode: "NOPE-NOPE" }, { ...good, userId: `usr_${"0".repeat(26)}` },
    ];
    for (const input of cases) {
      const err = await failure(createOrder(input as never));
      expect(["VALIDATION_FAILED", "NOT_FOUND", "QUOTE_CHANGED"]).toContain(err.code);
    }
    expect(await checkoutCounts()).toEqual(before);
  });
});
