import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, notFound, type CatalogContext } from "./catalog-access";
import { setVolumeTiersSchema } from "./schemas";

/** An admin replaces a product's volume tiers as a whole (an empty list removes them all). */
export async function setVolumeTiers(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ tiers: { minQuantity: number; discountBp: number }[] }> {
  const actor = catalogAdmin(viewer, ctx);
  const { productId, tiers } = parseInput(setVolumeTiersSchema, input);
  return db.$transaction(async (tx) => {
    // Lock the product row so two admins saving tiers at once apply one after the other.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("product");
    const before = await tx.volumeTier.findMany({ where: { productId }, orderBy: { minQuantity: "asc" }, select: { minQuantity: true, discountBp: true } });
    if (JSON.stringify(before) === JSON.stringify(tiers)) return { tiers };
    await tx.volumeTier.deleteMany({ where: { productId } });
    if (tiers.length) await tx.volumeTier.createMany({ data: tiers.map((t) => ({ id: newId("tier"), productId, ...t })) });
    await recordAudit(tx, actor, "product.volume_tiers_set", { type: "product", id: productId }, { from: before, to: tiers });
    return { tiers };
  });
}
