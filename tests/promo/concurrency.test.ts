import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { redeemPromoCode } from "@/lib/promo/redeem-promo";
import { createPendingOrderFor, createPromoCode, createUser, retryWhenBusy } from "../support/factories";

type Outcome = { ok: true; id: string; replayed: boolean } | { ok: false; code: string; message: string };

async function attempt(input: { promoCodeId: string; userId: string; orderId: string }, inCallerTx = false): Promise<Outcome> {
  try {
    const r = await retryWhenBusy(() =>
      inCallerTx ? db.$transaction((tx) => redeemPromoCode(tx, input), { maxWait: 30_000, timeout: 30_000 }) : redeemPromoCode(db, input),
    );
    return { ok: true, id: r.redemption.id, replayed: r.replayed };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ok: false, code: err.code, message: err.message };
  }
}

describe("promo redemption under concurrency", () => {
  it("a code with 10 redemptions left under 50 parallel redemptions by different customers gives exactly 10", async () => {
    const promo = await createPromoCode({ maxRedemptions: 25, redemptionCount: 15 });
    const buyers = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const user = await createUser();
        return { user, order: await createPendingOrderFor(user.id) };
      }),
    );
    const outcomes = await Promise.all(buyers.map(({ user, order }, i) => attempt({ promoCodeId: promo.id, userId: user.id, orderId: order.id }, i % 2 === 1)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
    const refusals = outcomes.filter((o) => !o.ok);
    expect(refusals).toHaveLength(40);
    expect(new Set(refusals.map((o) => (o.ok ? "" : `${o.code}: ${o.message}`)))).toEqual(new Set(["CONFLICT: This code has been fully redeemed."]));
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(25);
    expect(await db.promoRedemption.count({ where: { promoCodeId: promo.id } })).toBe(10);
  });

  it("a per-customer cap of 1 under 10 parallel attempts by one customer gives exactly 1", async () => {
    const promo = await createPromoCode({ perCustomerLimit: 1 });
    const user = await createUser();
    const orders = await Promise.all(Array.from({ length: 10 }, () => createPendingOrderFor(user.id)));
    const outcomes = await Promise.all(orders.map((order, i) => attempt({ promoCodeId: promo.id, userId: user.id, orderId: order.id }, i % 2 === 0)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.code === "CONFLICT")).toHaveLength(9);
    expect(await db.promoRedemption.count({ where: { promoCodeId: promo.id, userId: user.id } })).toBe(1);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(1);
  });

  it("a per-customer cap of 3 with several customers racing: 3 each, and the global counter agrees", async () => {
    const promo = await createPromoCode({ perCustomerLimit: 3 });
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    const jobs = await Promise.all(users.flatMap((u) => Array.from({ length: 8 }, async () => ({ userId: u.id, orderId: (await createPendingOrderFor(u.id)).id }))));
    const outcomes = await Promise.all(jobs.map((j) => attempt({ promoCodeId: promo.id, ...j })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(9);
    for (const u of users) expect(await db.promoRedemption.count({ where: { promoCodeId: promo.id, userId: u.id } })).toBe(3);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(9);
  });

  it("the same order redeemed 10 times at once is one redemption", async () => {
    const promo = await createPromoCode({ maxRedemptions: 5 });
    const user = await createUser();
    const order = await createPendingOrderFor(user.id);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => attempt({ promoCodeId: promo.id, userId: user.id, orderId: order.id })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(new Set(outcomes.map((o) => (o.ok ? o.id : "")))).toHaveProperty("size", 1);
    expect(outcomes.filter((o) => o.ok && !o.replayed)).toHaveLength(1);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).redemptionCount).toBe(1);
  });
});
