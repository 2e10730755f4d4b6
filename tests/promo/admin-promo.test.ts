import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPromoCode } from "@/lib/promo/create-promo-code";
import { updatePromoCode } from "@/lib/promo/update-promo-code";
import { deactivatePromoCode } from "@/lib/promo/deactivate-promo-code";
import { getPromoCodeForAdmin, listPromoCodesForAdmin } from "@/lib/promo/admin-queries";
import { redeemPromoCode } from "@/lib/promo/redeem-promo";
import { createPendingOrderFor, createProductWithPlan, createUser } from "../support/factories";
import { adminWhoseAuditFails, ctx, staff } from "../catalog/support";

function promoForm(overrides: Record<string, string> = {}) {
  return {
    code: `save-${Math.random().toString(36).slice(2, 8)}`, kind: "PERCENT", percentBp: "1500", amounts: "", startsAt: "", endsAt: "",
    maxRedemptions: "", perCustomerLimit: "", minOrder: "", minOrderCurrency: "", resetPeriod: "NONE", active: "on", ...overrides,
  };
}

async function promoCounts() {
  const [codes, products, audit] = await Promise.all([db.promoCode.count(), db.promoCodeProduct.count(), db.auditLog.count()]);
  return { codes, products, audit };
}

describe("admin promo codes", () => {
  it("an admin creates a code with every rule; it is stored upper-case and audited in the same transaction", async () => {
    const admin = await staff();
    const { product } = await createProductWithPlan();
    const { id } = await createPromoCode(admin, {
      ...promoForm({ code: "  spring-26 " }), kind: "FIXED", percentBp: "", amounts: "usd 5.00\nEUR 4.5\nJPY 700", startsAt: "2026-03-01T00:00",
      endsAt: "2026-04-01T00:00", maxRedemptions: "100", perCustomerLimit: "2", minOrder: "20", minOrderCurrency: "usd",
      firstPurchaseOnly: "on", resetPeriod: "MONTHLY", [`product.${product.id}`]: "on",
    }, ctx);
    const row = await db.promoCode.findUniqueOrThrow({ where: { id }, include: { products: true } });
    expect(row).toMatchObject({
      code: "SPRING-26", kind: "FIXED", percentBp: null, amounts: { EUR: 450, JPY: 700, USD: 500 },
      startsAt: new Date("2026-03-01T00:00:00Z"), endsAt: new Date("2026-04-01T00:00:00Z"), maxRedemptions: 100, perCustomerLimit: 2,
      minOrderMinor: 2000n, minOrderCurrency: "USD", firstPurchaseOnly: true, resetPeriod: "MONTHLY", active: true, redemptionCount: 0,
    });
    expect(row.products.map((p) => p.productId)).toEqual([product.id]);
    const audit = await db.auditLog.findMany({ where: { targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "promo.created", actorId: admin.id, targetType: "promoCode", ip: ctx.ip, requestId: ctx.requestId });
    expect(audit[0]!.data).toMatchObject({ code: "SPRING-26", minOrderMinor: "2000", productIds: [product.id] });
  });

  it("refuses bad input with a field error per field, writing nothing", async () => {
    const admin = await staff();
    const before = await promoCounts();
    await expect(createPromoCode(admin, promoForm({ code: "x!", percentBp: "", maxRedemptions: "-1", perCustomerLimit: "1.5", startsAt: "2026-13-01T00:00", resetPeriod: "HOURLY" }), ctx))
      .rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { code: ["codeInvalid"], maxRedemptions: ["outOfRange"], perCustomerLimit: ["integer"], startsAt: ["dateInvalid"], resetPeriod: ["invalid"] },
      });
    // Cross-field rules: percent needed, dates in order, minimum needs a currency, amounts well-formed.
    await expect(createPromoCode(admin, promoForm({ percentBp: "", startsAt: "2026-05-01T00:00", endsAt: "2026-05-01T00:00", minOrder: "10" }), ctx))
      .rejects.toMatchObject({ fields: { percentBp: ["percentRequired"], endsAt: ["endsBeforeStart"], minOrderCurrency: ["minOrderCurrencyRequired"] } });
    await expect(createPromoCode(admin, promoForm({ kind: "FIXED", amounts: "USD 5.001\nXYZ 3\nUSD 0" }), ctx))
      .rejects.toMatchObject({ fields: { amounts: ["tooManyDecimals", "currencyUnknown", "amountsInvalid"] } });
    await expect(createPromoCode(admin, promoForm({ kind: "FIXED", amounts: "" }), ctx)).rejects.toMatchObject({ fields: { amounts: ["amountsRequired"] } });
    await expect(createPromoCode(admin, { ...promoForm(), "product.prd_01JD3Q8Z6X0000000000000099": "on" }, ctx)).rejects.toMatchObject({ fields: { productIds: ["productUnknown"] } });
    expect(await promoCounts()).toEqual(before);
  });

  it("a duplicate code, in any case, is a field error; two concurrent creates make one row", async () => {
    const admin = await staff();
    await createPromoCode(admin, promoForm({ code: "WELCOME" }), ctx);
    const before = await promoCounts();
    await expect(createPromoCode(admin, promoForm({ code: "welcome" }), ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { code: ["codeTaken"] } });
    expect(await promoCounts()).toEqual(before);

    const form = promoForm({ code: "RACE-1" });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createPromoCode(admin, form, ctx)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ code: "VALIDATION_FAILED", fields: { code: ["codeTaken"] } });
    }
    expect(await db.promoCode.count({ where: { code: "RACE-1" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "promo.created", data: { path: ["code"], equals: "RACE-1" } } })).toBe(1);
  });

  it("writes nothing when its audit entry cannot be written", async () => {
    const before = await promoCounts();
    await expect(createPromoCode(await adminWhoseAuditFails(), promoForm(), ctx)).rejects.toMatchObject({ code: "P2003" });
    expect(await promoCounts()).toEqual(before);
  });

  it("updates rules and products, audits only what changed, and refuses another code's name", async () => {
    const admin = await staff();
    const [a, b] = [await createProductWithPlan(), await createProductWithPlan()];
    const { id } = await createPromoCode(admin, { ...promoForm({ code: "EDIT-ME" }), [`product.${a.product.id}`]: "on" }, ctx);
    await createPromoCode(admin, promoForm({ code: "OTHER" }), ctx);
    await updatePromoCode(admin, { ...promoForm({ code: "EDIT-ME", percentBp: "2000", perCustomerLimit: "1" }), promoCodeId: id, [`product.${b.product.id}`]: "on" }, ctx);
    const row = await db.promoCode.findUniqueOrThrow({ where: { id }, include: { products: true } });
    expect(row).toMatchObject({ percentBp: 2000, perCustomerLimit: 1 });
    expect(row.products.map((p) => p.productId)).toEqual([b.product.id]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "promo.updated" } });
    expect(entry.data).toEqual({
      percentBp: { from: 1500, to: 2000 }, perCustomerLimit: { from: null, to: 1 }, productIds: { from: [a.product.id], to: [b.product.id] },
    });

    // Saving the same values again changes nothing and writes no audit entry.
    const before = await promoCounts();
    await updatePromoCode(admin, { ...promoForm({ code: "edit-me", percentBp: "2000", perCustomerLimit: "1" }), promoCodeId: id, [`product.${b.product.id}`]: "on" }, ctx);
    expect(await promoCounts()).toEqual(before);

    await expect(updatePromoCode(admin, { ...promoForm({ code: "other" }), promoCodeId: id }, ctx)).rejects.toMatchObject({ fields: { code: ["codeTaken"] } });
    await expect(updatePromoCode(admin, { ...promoForm({ percentBp: "0" }), promoCodeId: id }, ctx)).rejects.toMatchObject({ fields: { percentBp: ["outOfRange"] } });
    await expect(updatePromoCode(admin, { ...promoForm(), promoCodeId: "prm_01JD3Q8Z6X0000000000000099" }, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await promoCounts()).toEqual(before);
    expect((await db.promoCode.findUniqueOrThrow({ where: { id } })).code).toBe("EDIT-ME");
  });

  it("deactivates once (audited); a redemption is then refused", async () => {
    const admin = await staff();
    const { id } = await createPromoCode(admin, promoForm(), ctx);
    expect(await deactivatePromoCode(admin, { promoCodeId: id }, ctx)).toEqual({ changed: true });
    expect(await deactivatePromoCode(admin, { promoCodeId: id }, ctx)).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { targetId: id, action: "promo.deactivated" } })).toBe(1);
    const customer = await createUser();
    const order = await createPendingOrderFor(customer.id);
    await expect(redeemPromoCode(db, { promoCodeId: id, userId: customer.id, orderId: order.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it.each(["SUPPORT", "CUSTOMER"] as const)("a %s cannot write; support can read", async (role) => {
    const admin = await staff();
    const viewer = await staff(role);
    const { id } = await createPromoCode(admin, promoForm({ code: `RO-${role}` }), ctx);
    const before = await promoCounts();
    await expect(createPromoCode(viewer, promoForm(), ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePromoCode(viewer, { ...promoForm({ code: `RO-${role}`, percentBp: "9000" }), promoCodeId: id }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deactivatePromoCode(viewer, { promoCodeId: id }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPromoCode(null, promoForm(), ctx)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await promoCounts()).toEqual(before);
    if (role === "SUPPORT") expect((await getPromoCodeForAdmin(viewer, id))?.code).toBe(`RO-${role}`);
    else await expect(listPromoCodesForAdmin(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists usage against the cap and shows recent redemptions on the detail", async () => {
    const admin = await staff();
    const { id } = await createPromoCode(admin, promoForm({ code: "USED-TWICE", maxRedemptions: "5" }), ctx);
    const customers = [await createUser(), await createUser()];
    for (const c of customers) {
      const order = await createPendingOrderFor(c.id);
      await redeemPromoCode(db, { promoCodeId: id, userId: c.id, orderId: order.id });
    }
    const list = await listPromoCodesForAdmin(admin);
    const item = list.items.find((p) => p.id === id);
    expect(item).toMatchObject({ code: "USED-TWICE", maxRedemptions: 5, redemptionCount: 2, usage: { used: 2 } });
    const detail = await getPromoCodeForAdmin(admin, id);
    expect(detail?.redemptions.map((r) => r.user.email).sort()).toEqual(customers.map((c) => c.email).sort());
    expect(detail?._count.redemptions).toBe(2);
  });
});
