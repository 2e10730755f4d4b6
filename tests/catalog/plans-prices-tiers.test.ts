import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/lib/catalog/create-product";
import { createPlan } from "@/lib/catalog/create-plan";
import { updatePlan } from "@/lib/catalog/update-plan";
import { archivePlan } from "@/lib/catalog/archive-plan";
import { setPlanPrice } from "@/lib/catalog/set-plan-price";
import { removePlanPrice } from "@/lib/catalog/remove-plan-price";
import { setVolumeTiers } from "@/lib/catalog/set-volume-tiers";
import { getProductForAdmin } from "@/lib/catalog/admin-queries";
import { createLicensedPlan, createPaidOrderFor, createUser } from "../support/factories";
import { adminWhoseAuditFails, catalogCounts, ctx, planForm, productForm, staff } from "./support";

async function productWithPlan() {
  const admin = await staff();
  const product = await createProduct(admin, productForm(), ctx);
  const plan = await createPlan(admin, planForm(product.id), ctx);
  return { admin, productId: product.id, planId: plan.id };
}

describe("plans", () => {
  it("an admin creates a plan with its whole licensing policy", async () => {
    const { admin, productId, planId } = await productWithPlan();
    expect(await db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      productId, slug: "pro", name: "Pro", billingInterval: "YEAR", durationDays: 365, activationLimit: 3, reassignmentLimit: 2,
      reassignmentPeriodDays: 30, reassignmentCooldownSec: 3600, heartbeatIntervalSec: 86400, heartbeatGraceSec: 3600,
      offlineTokenTtlSec: 604800, gracePeriodDays: 7, entitlements: ["export", "sync"], channels: ["stable", "beta"], active: true, sortOrder: 1,
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: planId } });
    expect(entry).toMatchObject({ action: "plan.created", actorId: admin.id, targetType: "plan", ip: ctx.ip, requestId: ctx.requestId });
    expect(entry.data).toMatchObject({ productId, activationLimit: 3, channels: ["stable", "beta"] });
  });

  it("updates the policy and records each change; perpetual and heartbeat-free when left blank", async () => {
    const { admin, planId, productId } = await productWithPlan();
    await updatePlan(admin, { ...planForm(productId, { durationDays: "", heartbeatIntervalSec: "", activationLimit: "10" }), planId }, ctx);
    expect(await db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ durationDays: null, heartbeatIntervalSec: null, activationLimit: 10 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: planId, action: "plan.updated" } });
    expect(entry.data).toEqual({
      productId,
      changes: { durationDays: { from: 365, to: null }, heartbeatIntervalSec: { from: 86400, to: null }, activationLimit: { from: 3, to: 10 } },
    });
  });

  it("refuses a duplicate slug in the product and bad limits with field errors, writing nothing", async () => {
    const { admin, productId, planId } = await productWithPlan();
    await createPlan(admin, planForm(productId, { slug: "basic" }), ctx);
    const before = await catalogCounts();
    await expect(createPlan(admin, planForm(productId), ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { slug: ["slugTaken"] } });
    await expect(updatePlan(admin, { ...planForm(productId, { slug: "basic" }), planId }, ctx)).rejects.toMatchObject({ fields: { slug: ["slugTaken"] } });
    await expect(createPlan(admin, planForm(productId, { slug: "x2", activationLimit: "0", offlineTokenTtlSec: "-5", billingInterval: "WEEK", channels: " ", entitlements: "ok, not ok!" }), ctx))
      .rejects.toMatchObject({ fields: { activationLimit: ["outOfRange"], offlineTokenTtlSec: ["outOfRange"], billingInterval: ["invalid"], channels: ["required"], entitlements: ["codesInvalid"] } });
    await expect(createPlan(admin, planForm("prd_01JD3Q8Z6X0000000000000000", { slug: "x3" }), ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await catalogCounts()).toEqual(before);
    // Another product may use the same plan slug.
    const other = await createProduct(admin, productForm(), ctx);
    await expect(createPlan(admin, planForm(other.id), ctx)).resolves.toMatchObject({ id: expect.stringMatching(/^pln_/) });
  });

  it("archiving a plan that licenses and orders reference keeps it, its prices and its licenses", async () => {
    const admin = await staff();
    const { plan, license } = await createLicensedPlan();
    await setPlanPrice(admin, { planId: plan.id, currency: "USD", amount: "49.00" }, ctx);
    expect(await archivePlan(admin, { planId: plan.id }, ctx)).toEqual({ archived: true });
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ active: false });
    expect(await db.price.count({ where: { planId: plan.id } })).toBe(1);
    expect(await db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ planId: plan.id, status: "ACTIVE" });
    expect((await db.auditLog.findFirstOrThrow({ where: { targetId: plan.id, action: "plan.archived" } })).data).toMatchObject({ licenses: 1, orderItems: 0 });
    // Archiving again changes nothing and is not audited twice.
    expect(await archivePlan(admin, { planId: plan.id }, ctx)).toEqual({ archived: false });
    expect(await db.auditLog.count({ where: { targetId: plan.id, action: "plan.archived" } })).toBe(1);

    const order = await createPaidOrderFor((await createUser()).id);
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    await archivePlan(admin, { planId: item.planId }, ctx);
    expect(await db.plan.findUnique({ where: { id: item.planId } })).toMatchObject({ active: false });
    expect(await db.orderItem.count({ where: { planId: item.planId } })).toBe(1);
  });
});

describe("prices", () => {
  it("are set per currency in exact minor units, changed and removed, each audited", async () => {
    const { admin, planId } = await productWithPlan();
    expect(await setPlanPrice(admin, { planId, currency: "EUR", amount: "19.99" }, ctx)).toEqual({ amountMinor: 1999n, currency: "EUR" });
    await setPlanPrice(admin, { planId, currency: "jpy", amount: "3000" }, ctx);
    await setPlanPrice(admin, { planId, currency: "KWD", amount: "6.125" }, ctx);
    await setPlanPrice(admin, { planId, currency: "EUR", amount: "24.5" }, ctx);
    const prices = await db.price.findMany({ where: { planId }, orderBy: { currency: "asc" }, select: { currency: true, amountMinor: true } });
    expect(prices).toEqual([{ currency: "EUR", amountMinor: 2450n }, { currency: "JPY", amountMinor: 3000n }, { currency: "KWD", amountMinor: 6125n }]);
    const product = await getProductForAdmin(admin, (await db.plan.findUniqueOrThrow({ where: { id: planId } })).productId);
    expect(product!.plans[0]!.prices.map((p) => `${p.amount} ${p.currency}`)).toEqual(["24.50 EUR", "3000 JPY", "6.125 KWD"]);
    expect(await removePlanPrice(admin, { planId, currency: "JPY" }, ctx)).toEqual({ removed: true });
    expect(await removePlanPrice(admin, { planId, currency: "JPY" }, ctx)).toEqual({ removed: false });
    const audit = await db.auditLog.findMany({ where: { targetId: planId, action: { startsWith: "price." } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.data])).toEqual([
      ["price.set", expect.objectContaining({ currency: "EUR", fromMinor: null, toMinor: "1999" })],
      ["price.set", expect.objectContaining({ currency: "JPY", toMinor: "3000" })],
      ["price.set", expect.objectContaining({ currency: "KWD", toMinor: "6125" })],
      ["price.set", expect.objectContaining({ currency: "EUR", fromMinor: "1999", toMinor: "2450" })],
      ["price.removed", { currency: "JPY", fromMinor: "3000" }],
    ]);
  });

  it("refuse negative amounts, too many decimals and unknown currencies without writing", async () => {
    const { admin, planId } = await productWithPlan();
    await setPlanPrice(admin, { planId, currency: "USD", amount: "10" }, ctx);
    const before = await catalogCounts();
    const refused = [
      [{ currency: "USD", amount: "-1.00" }, { amount: ["negative"] }],
      [{ currency: "USD", amount: "12.345" }, { amount: ["tooManyDecimals"] }],
      [{ currency: "JPY", amount: "100.5" }, { amount: ["tooManyDecimals"] }],
      [{ currency: "ABC", amount: "5" }, { currency: ["currencyUnknown"] }],
      [{ currency: "US", amount: "5" }, { currency: ["currencyUnknown"] }],
      [{ currency: "USD", amount: "1,000" }, { amount: ["amountInvalid"] }],
      [{ currency: "", amount: "" }, { currency: ["required"], amount: ["required"] }],
    ] as const;
    for (const [input, fields] of refused) {
      await expect(setPlanPrice(admin, { planId, ...input }, ctx), JSON.stringify(input)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields });
    }
    await expect(setPlanPrice(await adminWhoseAuditFails(), { planId, currency: "USD", amount: "11" }, ctx)).rejects.toMatchObject({ code: "P2003" });
    expect(await catalogCounts()).toEqual(before);
    expect((await db.price.findFirstOrThrow({ where: { planId } })).amountMinor).toBe(1000n);
  });
});

describe("volume tiers", () => {
  it("replace the product's list as a whole, audited with before and after", async () => {
    const { admin, productId } = await productWithPlan();
    await setVolumeTiers(admin, { productId, "tiers.0.minQuantity": "5", "tiers.0.discountBp": "1000", "tiers.1.minQuantity": "20", "tiers.1.discountBp": "2000", "tiers.2.minQuantity": "", "tiers.2.discountBp": "" }, ctx);
    await setVolumeTiers(admin, { productId, tiers: [{ minQuantity: 10, discountBp: 1500 }] }, ctx);
    expect(await db.volumeTier.findMany({ where: { productId }, select: { minQuantity: true, discountBp: true } })).toEqual([{ minQuantity: 10, discountBp: 1500 }]);
    const audit = await db.auditLog.findMany({ where: { targetId: productId, action: "product.volume_tiers_set" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.data)).toEqual([
      { from: [], to: [{ minQuantity: 5, discountBp: 1000 }, { minQuantity: 20, discountBp: 2000 }] },
      { from: [{ minQuantity: 5, discountBp: 1000 }, { minQuantity: 20, discountBp: 2000 }], to: [{ minQuantity: 10, discountBp: 1500 }] },
    ]);
    await setVolumeTiers(admin, { productId, tiers: [] }, ctx);
    expect(await db.volumeTier.count({ where: { productId } })).toBe(0);
  });

  it("refuse thresholds out of order and discounts outside 0–10000 bp, writing nothing", async () => {
    const { admin, productId } = await productWithPlan();
    await setVolumeTiers(admin, { productId, tiers: [{ minQuantity: 5, discountBp: 500 }] }, ctx);
    const before = await catalogCounts();
    await expect(setVolumeTiers(admin, { productId, tiers: [{ minQuantity: 20, discountBp: 2000 }, { minQuantity: 10, discountBp: 2500 }] }, ctx))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { "tiers.1.minQuantity": ["tierOrder"] } });
    await expect(setVolumeTiers(admin, { productId, tiers: [{ minQuantity: 5, discountBp: 10_001 }, { minQuantity: 1, discountBp: -1 }, { minQuantity: 5, discountBp: 100 }] }, ctx))
      .rejects.toMatchObject({ fields: { "tiers.0.discountBp": ["discountRange"], "tiers.1.minQuantity": ["outOfRange"], "tiers.1.discountBp": ["discountRange"] } });
    await expect(setVolumeTiers(await adminWhoseAuditFails(), { productId, tiers: [{ minQuantity: 3, discountBp: 100 }] }, ctx)).rejects.toMatchObject({ code: "P2003" });
    expect(await catalogCounts()).toEqual(before);
    expect(await db.volumeTier.findMany({ where: { productId }, select: { minQuantity: true, discountBp: true } })).toEqual([{ minQuantity: 5, discountBp: 500 }]);
  });
});

describe("plan, price and tier writes are for admins only", () => {
  it.each(["SUPPORT", "CUSTOMER"] as const)("a %s changes nothing", async (role) => {
    const { productId, planId } = await productWithPlan();
    const viewer = await staff(role);
    const before = await catalogCounts();
    const writes = [
      () => createPlan(viewer, planForm(productId, { slug: "other" }), ctx),
      () => updatePlan(viewer, { ...planForm(productId, { name: "Changed" }), planId }, ctx),
      () => archivePlan(viewer, { planId }, ctx),
      () => setPlanPrice(viewer, { planId, currency: "EUR", amount: "5" }, ctx),
      () => removePlanPrice(viewer, { planId, currency: "EUR" }, ctx),
      () => setVolumeTiers(viewer, { productId, tiers: [{ minQuantity: 5, discountBp: 100 }] }, ctx),
    ];
    for (const write of writes) await expect(write()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await catalogCounts()).toEqual(before);
  });
});
