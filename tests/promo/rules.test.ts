import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { redeemPromoCode, releasePromoRedemption } from "@/lib/promo/redeem-promo";
import { createPaidOrderFor, createPendingOrderFor, createPromoCode, createUser } from "../support/factories";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function counter(promoCodeId: string) {
  const p = await db.promoCode.findUniqueOrThrow({ where: { id: promoCodeId } });
  return { count: p.redemptionCount, periodStartedAt: p.periodStartedAt?.toISOString() ?? null, redemptions: await db.promoRedemption.count({ where: { promoCodeId } }) };
}

async function buyer() {
  const user = await createUser();
  return { user, order: await createPendingOrderFor(user.id) };
}

describe("promo redemption rules", () => {
  it("first-purchase-only codes refuse customers with an earlier paid order, and work once per new customer", async () => {
    const promo = await createPromoCode({ firstPurchaseOnly: true });
    const returning = await createUser();
    await createPaidOrderFor(returning.id);
    const order = await createPendingOrderFor(returning.id);
    const err = await refusal(redeemPromoCode(db, { promoCodeId: promo.id, userId: returning.id, orderId: order.id }));
    expect(err).toMatchObject({ code: "CONFLICT", message: "This code is only for a first purchase." });
    expect(err.fields?.promoCode).toBeDefined();

    const fresh = await buyer();
    const ok = await redeemPromoCode(db, { promoCodeId: promo.id, userId: fresh.user.id, orderId: fresh.order.id });
    expect(ok.replayed).toBe(false);
    // A second checkout of the same new customer, before the first is paid, does not get it again.
    const second = await createPendingOrderFor(fresh.user.id);
    expect((await refusal(redeemPromoCode(db, { promoCodeId: promo.id, userId: fresh.user.id, orderId: second.id }))).message).toMatch(/first purchase/);
    expect(await counter(promo.id)).toMatchObject({ count: 1, redemptions: 1 });
  });

  it("a monthly code that ran out in January takes redemptions again in February", async () => {
    const promo = await createPromoCode({ maxRedemptions: 2, perCustomerLimit: 1, resetPeriod: "MONTHLY" });
    const jan = new Date("2026-01-20T10:00:00Z");
    const [a, b, c] = await Promise.all([buyer(), buyer(), buyer()]);
    await redeemPromoCode(db, { promoCodeId: promo.id, userId: a.user.id, orderId: a.order.id, now: jan });
    await redeemPromoCode(db, { promoCodeId: promo.id, userId: b.user.id, orderId: b.order.id, now: jan });
    expect(await counter(promo.id)).toEqual({ count: 2, periodStartedAt: "2026-01-01T00:00:00.000Z", redemptions: 2 });
    expect((await refusal(redeemPromoCode(db, { promoCodeId: promo.id, userId: c.user.id, orderId: c.order.id, now: new Date("2026-01-31T23:59:59Z") }))).message).toBe(
      "This code has been fully redeemed.",
    );

    const feb = new Date("2026-02-01T00:00:00Z");
    await redeemPromoCode(db, { promoCodeId: promo.id, userId: c.user.id, orderId: c.order.id, now: feb });
    // The per-customer cap is per period too: January's customer may use it again in February.
    const again = await createPendingOrderFor(a.user.id);
    await redeemPromoCode(db, { promoCodeId: promo.id, userId: a.user.id, orderId: again.id, now: new Date("2026-02-03T00:00:00Z") });
    expect(await counter(promo.id)).toEqual({ count: 2, periodStartedAt: "2026-02-01T00:00:00.000Z", redemptions: 4 });
    const more = await createPendingOrderFor(a.user.id);
    expect((await refusal(redeemPromoCode(db, { promoCodeId: promo.id, userId: a.user.id, orderId: more.id, now: new Date("2026-02-04T00:00:00Z") }))).message).toMatch(/already used/);

    // Releasing a January redemption in February does not free a February slot.
    await db.order.update({ where: { id: a.order.id }, data: { status: "EXPIRED" } });
    expect(await releasePromoRedemption(db, { orderId: a.order.id })).toEqual({ released: true });
    expect(await counter(promo.id)).toMatchObject({ count: 2, redemptions: 3 });
  });

  it("releasing a failed order's redemption frees its slot, once; a paid order keeps it", async () => {
    const promo = await createPromoCode({ maxRedemptions: 1 });
    const [a, b] = await Promise.all([buyer(), buyer()]);
    await redeemPromoCode(db, { promoCodeId: promo.id, userId: a.user.id, orderId: a.order.id });
    await refusal(redeemPromoCode(db, { promoCodeId: promo.id, userId: b.user.id, orderId: b.order.id }));

    await db.order.update({ where: { id: a.order.id }, data: { status: "FAILED" } });
    const releases = await Promise.all([1, 2, 3].map(() => releasePromoRedemption(db, { orderId: a.order.id })));
    expect(releases.filter((r) => r.released)).toHaveLength(1);
    expect(await counter(promo.id)).toMatchObject({ count: 0, redemptions: 0 });

    await redeemPromoCode(db, { promoCodeId: promo.id, userId: b.user.id, orderId: b.order.id });
    await db.order.update({ where: { id: b.order.id }, data: { status: "PAID", paidAt: new Date() } });
    expect((await refusal(releasePromoRedemption(db, { orderId: b.order.id }))).code).toBe("CONFLICT");
    expect(await counter(promo.id)).toMatchObject({ count: 1, redemptions: 1 });
  });

  it("refuses codes outside their window, inactive codes, closed orders and a second code on one order", async () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const expired = await createPromoCode({ endsAt: new Date("2026-06-15T12:00:00Z") });
    const early = await createPromoCode({ startsAt: new Date("2026-06-16T00:00:00Z") });
    const inactive = await createPromoCode({ active: false });
    const good = await createPromoCode();
    const other = await createPromoCode();
    const { user, order } = await buyer();
    for (const p of [expired, early, inactive]) {
      expect((await refusal(redeemPromoCode(db, { promoCodeId: p.id, userId: user.id, orderId: order.id, now }))).message).toBe("This code is not valid at the moment.");
    }
    await redeemPromoCode(db, { promoCodeId: good.id, userId: user.id, orderId: order.id, now });
    expect(await redeemPromoCode(db, { promoCodeId: good.id, userId: user.id, orderId: order.id, now })).toMatchObject({ replayed: true });
    expect((await refusal(redeemPromoCode(db, { promoCodeId: other.id, userId: user.id, orderId: order.id, now }))).code).toBe("CONFLICT");
    const failed = await createPendingOrderFor(user.id, { status: "FAILED" });
    expect((await refusal(redeemPromoCode(db, { promoCodeId: good.id, userId: user.id, orderId: failed.id, now }))).code).toBe("CONFLICT");
    expect(await counter(other.id)).toMatchObject({ count: 0, redemptions: 0 });
    expect(await counter(good.id)).toMatchObject({ count: 1, redemptions: 1 });
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    const promo = await createPromoCode({ maxRedemptions: 3 });
    const { user, order } = await buyer();
    const stranger = await createUser();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => redeemPromoCode(db, { promoCodeId: "SUMMER", userId: user.id, orderId: order.id }), "VALIDATION_FAILED", "promoCodeId"],
      [() => redeemPromoCode(db, { promoCodeId: promo.id, userId: "someone", orderId: order.id }), "VALIDATION_FAILED", "userId"],
      [() => redeemPromoCode(db, { promoCodeId: promo.id, userId: user.id, orderId: "ord_1" }), "VALIDATION_FAILED", "orderId"],
      [() => redeemPromoCode(db, { promoCodeId: newId("promo"), userId: user.id, orderId: order.id }), "NOT_FOUND", "promoCode"],
      [() => redeemPromoCode(db, { promoCodeId: promo.id, userId: newId("user"), orderId: order.id }), "NOT_FOUND", "orderId"],
      [() => redeemPromoCode(db, { promoCodeId: promo.id, userId: stranger.id, orderId: order.id }), "NOT_FOUND", "orderId"],
      [() => redeemPromoCode(db, { promoCodeId: promo.id, userId: user.id, orderId: newId("order") }), "NOT_FOUND", "orderId"],
      [() => releasePromoRedemption(db, { orderId: "nope" }), "VALIDATION_FAILED", "orderId"],
    ];
    for (const [run, code, field] of cases) {
      const err = await refusal(run());
      expect({ code: err.code, fields: Object.keys(err.fields ?? {}) }).toEqual({ code, fields: [field] });
    }
    expect(await counter(promo.id)).toMatchObject({ count: 0, redemptions: 0 });
  });

  it("a refusal inside the checkout's transaction leaves nothing behind even when the checkout goes on", async () => {
    const promo = await createPromoCode({ maxRedemptions: 1, resetPeriod: "DAILY", periodStartedAt: new Date("2026-03-01T00:00:00Z"), redemptionCount: 1 });
    const { user, order } = await buyer();
    // Same day: full. The checkout catches the refusal and completes without the discount.
    await db.$transaction(async (tx) => {
      const e = await redeemPromoCode(tx, { promoCodeId: promo.id, userId: user.id, orderId: order.id, now: new Date("2026-03-01T18:00:00Z") }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      await tx.order.update({ where: { id: order.id }, data: { discountMinor: 0n } });
    });
    expect(await counter(promo.id)).toEqual({ count: 1, periodStartedAt: "2026-03-01T00:00:00.000Z", redemptions: 0 });
    // Next day, inside the checkout's transaction, the counter resets and the redemption commits with it.
    await db.$transaction((tx) => redeemPromoCode(tx, { promoCodeId: promo.id, userId: user.id, orderId: order.id, now: new Date("2026-03-02T00:00:01Z") }));
    expect(await counter(promo.id)).toEqual({ count: 1, periodStartedAt: "2026-03-02T00:00:00.000Z", redemptions: 1 });

    // A refusal after the period reset was written (a code paused with a cap of 0) undoes the reset too.
    const paused = await createPromoCode({ maxRedemptions: 0, resetPeriod: "DAILY", periodStartedAt: new Date("2026-03-01T00:00:00Z"), redemptionCount: 3 });
    const next = await buyer();
    await db.$transaction(async (tx) => {
      const e = await redeemPromoCode(tx, { promoCodeId: paused.id, userId: next.user.id, orderId: next.order.id, now: new Date("2026-03-05T09:00:00Z") }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "CONFLICT", message: "This code has been fully redeemed." });
      await tx.order.update({ where: { id: next.order.id }, data: { discountMinor: 0n } });
    });
    expect(await counter(paused.id)).toEqual({ count: 3, periodStartedAt: "2026-03-01T00:00:00.000Z", redemptions: 0 });
  });
});
