import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLicenseSnapshot } from "@/lib/cache/license-cache";
import { updatePlan } from "@/lib/catalog/update-plan";
import { updateProduct } from "@/lib/catalog/update-product";
import { createLicensedPlan } from "../support/factories";
import { ctx, planForm, productForm, staff } from "./support";

describe("catalog edits reach licenses already issued", () => {
  it("a plan's heartbeat and grace policy and the product name apply to cached licenses at once", async () => {
    const admin = await staff();
    const { product, plan, license } = await createLicensedPlan({ heartbeatIntervalSec: 3600, gracePeriodDays: 0 });
    const { keyHash } = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(await getLicenseSnapshot(keyHash)).toMatchObject({ heartbeatIntervalSec: 3600, graceDays: 0, productName: "Licensed Product" });
    const version = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).version;

    await updatePlan(admin, { ...planForm(product.id, { slug: plan.slug, name: plan.name, heartbeatIntervalSec: "600", gracePeriodDays: "5" }), planId: plan.id }, ctx);
    expect(await getLicenseSnapshot(keyHash)).toMatchObject({ heartbeatIntervalSec: 600, graceDays: 5 });
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).version).toBe(version + 1);

    await updateProduct(admin, { ...productForm({ slug: product.slug, name: "Renamed Product" }), productId: product.id }, ctx);
    expect(await getLicenseSnapshot(keyHash)).toMatchObject({ productName: "Renamed Product" });
  });

  it("a change the snapshot does not carry leaves the licenses' versions alone", async () => {
    const admin = await staff();
    const { product, plan, license } = await createLicensedPlan({ heartbeatIntervalSec: 86400 });
    const before = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).version;
    await updatePlan(admin, { ...planForm(product.id, { slug: plan.slug, name: plan.name, heartbeatIntervalSec: "86400", heartbeatGraceSec: "0", gracePeriodDays: "0", offlineTokenTtlSec: "604800", activationLimit: "9", entitlements: "extra" }), planId: plan.id }, ctx);
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).activationLimit).toBe(9);
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).version).toBe(before);
  });
});
