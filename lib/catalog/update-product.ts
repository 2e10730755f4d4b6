import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, changedFields, isUniqueViolation, notFound, slugTaken, type CatalogContext } from "./catalog-access";
import { CATALOG_TX_OPTIONS, SNAPSHOT_PRODUCT_FIELDS, bumpLicensesOf, invalidateLicenses, type StaleLicense } from "./license-snapshots";
import { updateProductSchema } from "./schemas";

/**
 * An admin edits a product's base fields. The license type is fixed once licenses exist: their
 * activations are bound to devices or to domains and cannot switch.
 */
export async function updateProduct(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<void> {
  const actor = catalogAdmin(viewer, ctx);
  const { productId, ...data } = parseInput(updateProductSchema, input);
  let stale: StaleLicense[] = [];
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.product.findUnique({
        where: { id: productId },
        select: { slug: true, name: true, tagline: true, description: true, licenseType: true, active: true, sortOrder: true, _count: { select: { licenses: true } } },
      });
      if (!before) throw notFound("product");
      if (before.licenseType !== data.licenseType && before._count.licenses > 0) {
        throw new AppError("VALIDATION_FAILED", "The license type cannot change once licenses exist.", { fields: { licenseType: ["typeLocked"] } });
      }
      if (before.slug !== data.slug && (await tx.product.findUnique({ where: { slug: data.slug }, select: { id: true } }))) throw slugTaken();
      const changes = changedFields(before, data);
      if (Object.keys(changes).length === 0) return;
      await tx.product.update({ where: { id: productId }, data });
      if (SNAPSHOT_PRODUCT_FIELDS.some((f) => f in changes)) stale = await bumpLicensesOf(tx, { productId });
      await recordAudit(tx, actor, "product.updated", { type: "product", id: productId }, changes as never);
    }, CATALOG_TX_OPTIONS);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
  await invalidateLicenses(stale);
}
