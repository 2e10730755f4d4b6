import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/lib/catalog/create-product";
import { updateProduct } from "@/lib/catalog/update-product";
import { saveProductTranslation } from "@/lib/catalog/save-product-translation";
import { removeProductTranslation } from "@/lib/catalog/remove-product-translation";
import { getProductForAdmin, listProductsForAdmin } from "@/lib/catalog/admin-queries";
import { listStorefrontProducts } from "@/lib/catalog/queries";
import { createLicensedPlan } from "../support/factories";
import { adminWhoseAuditFails, catalogCounts, ctx, productForm, staff } from "./support";

describe("products", () => {
  it("an admin creates a product, audited with the request context", async () => {
    const admin = await staff();
    const form = productForm({ description: "Long text" });
    const { id } = await createProduct(admin, form, ctx);
    expect(id).toMatch(/^prd_/);
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({
      slug: form.slug, name: "Photo Sorter", tagline: "Sort photos fast", description: "Long text", licenseType: "SOFTWARE", active: true, sortOrder: 0,
    });
    const audit = await db.auditLog.findMany({ where: { targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "product.created", actorType: "USER", actorId: admin.id, targetType: "product", ip: ctx.ip, requestId: ctx.requestId });
    expect(audit[0]!.data).toMatchObject({ slug: form.slug, name: "Photo Sorter" });
  });

  it("writes nothing when its audit entry cannot be written", async () => {
    const before = await catalogCounts();
    await expect(createProduct(await adminWhoseAuditFails(), productForm(), ctx)).rejects.toMatchObject({ code: "P2003" });
    expect(await catalogCounts()).toEqual(before);
  });

  it("refuses a duplicate slug and bad input with field errors, writing nothing", async () => {
    const admin = await staff();
    const first = productForm();
    await createProduct(admin, first, ctx);
    const before = await catalogCounts();
    await expect(createProduct(admin, productForm({ slug: first.slug }), ctx)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { slug: ["slugTaken"] } });
    await expect(createProduct(admin, { slug: "No Spaces", name: "", licenseType: "DONGLE", sortOrder: "x" }, ctx)).rejects.toMatchObject({
      code: "VALIDATION_FAILED", fields: { slug: ["slugInvalid"], name: ["required"], licenseType: ["invalid"], sortOrder: ["integer"] },
    });
    expect(await catalogCounts()).toEqual(before);
  });

  it("two admins creating the same slug at once: one product, the other gets the field error", async () => {
    const admin = await staff();
    const form = productForm();
    const results = await Promise.allSettled([createProduct(admin, form, ctx), createProduct(admin, form, ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "VALIDATION_FAILED", fields: { slug: ["slugTaken"] } });
    expect(await db.product.count({ where: { slug: form.slug } })).toBe(1);
  });

  it("updates only what changed, and keeps the license type once licenses exist", async () => {
    const admin = await staff();
    const { id } = await createProduct(admin, productForm(), ctx);
    const current = await db.product.findUniqueOrThrow({ where: { id } });
    await updateProduct(admin, { ...productForm({ slug: current.slug, name: "Photo Sorter 2", licenseType: "SITE" }), productId: id, active: "" }, ctx);
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Photo Sorter 2", licenseType: "SITE", active: false });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "product.updated" } });
    expect(entry.data).toEqual({ name: { from: "Photo Sorter", to: "Photo Sorter 2" }, licenseType: { from: "SOFTWARE", to: "SITE" }, active: { from: true, to: false } });

    const { product } = await createLicensedPlan();
    const before = await catalogCounts();
    await expect(updateProduct(admin, { ...productForm({ slug: product.slug, licenseType: "SITE" }), productId: product.id }, ctx))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { licenseType: ["typeLocked"] } });
    await expect(updateProduct(admin, { ...productForm({ slug: current.slug }), productId: product.id }, ctx))
      .rejects.toMatchObject({ fields: { slug: ["slugTaken"] } });
    expect(await catalogCounts()).toEqual(before);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).licenseType).toBe("SOFTWARE");
  });

  it("saves and removes translations that the storefront shows", async () => {
    const admin = await staff();
    const { id } = await createProduct(admin, productForm(), ctx);
    await db.plan.create({ data: { id: "pln_01JD3Q8Z6X0000000000000001", productId: id, slug: "std", name: "Standard" } });
    await saveProductTranslation(admin, { productId: id, locale: "de", name: "Fotosortierer", tagline: "Fotos schnell sortieren", description: "" }, ctx);
    expect((await listStorefrontProducts("de")).find((p) => p.id === id)).toMatchObject({ name: "Fotosortierer", tagline: "Fotos schnell sortieren" });
    await saveProductTranslation(admin, { productId: id, locale: "de", name: "Foto-Sortierer", tagline: "", description: "" }, ctx);
    expect(await db.productTranslation.findMany({ where: { productId: id } })).toEqual([
      { productId: id, locale: "de", name: "Foto-Sortierer", tagline: null, description: null },
    ]);
    await expect(saveProductTranslation(admin, { productId: id, locale: "xx", name: "" }, ctx)).rejects.toMatchObject({ fields: { locale: ["localeUnknown"], name: ["required"] } });
    await expect(saveProductTranslation(admin, { productId: id, locale: "en", name: "Base" }, ctx)).rejects.toMatchObject({ fields: { locale: ["localeUnknown"] } });
    expect(await removeProductTranslation(admin, { productId: id, locale: "de" }, ctx)).toEqual({ removed: true });
    expect((await listStorefrontProducts("de")).find((p) => p.id === id)?.name).toBe("Photo Sorter");
    const actions = (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["product.created", "product.translation_saved", "product.translation_saved", "product.translation_removed"]);
  });

  it("support staff read but cannot write; customers and anonymous callers are refused", async () => {
    const admin = await staff();
    const { id } = await createProduct(admin, productForm(), ctx);
    const support = await staff("SUPPORT");
    const customer = await staff("CUSTOMER");
    expect((await listProductsForAdmin(support)).map((p) => p.id)).toContain(id);
    expect(await getProductForAdmin(support, id)).toMatchObject({ id, plans: [], volumeTiers: [] });
    expect(await getProductForAdmin(support, "not-an-id")).toBeNull();
    const before = await catalogCounts();
    const product = await db.product.findUniqueOrThrow({ where: { id } });
    const writes = [
      (v: typeof support | null) => createProduct(v, productForm(), ctx),
      (v: typeof support | null) => updateProduct(v, { ...productForm({ slug: product.slug, name: "Changed" }), productId: id }, ctx),
      (v: typeof support | null) => saveProductTranslation(v, { productId: id, locale: "fr", name: "Trieur" }, ctx),
      (v: typeof support | null) => removeProductTranslation(v, { productId: id, locale: "fr" }, ctx),
    ];
    for (const write of writes) {
      await expect(write(support)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(write(customer)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(write(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(listProductsForAdmin(customer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getProductForAdmin(customer, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await catalogCounts()).toEqual(before);
  });
});
