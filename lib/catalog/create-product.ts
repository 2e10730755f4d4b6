import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, isUniqueViolation, slugTaken, type CatalogContext } from "./catalog-access";
import { createProductSchema } from "./schemas";

/** An admin adds a product (not on sale until it has an active plan with a price). */
export async function createProduct(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ id: string }> {
  const actor = catalogAdmin(viewer, ctx);
  const data = parseInput(createProductSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.product.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken();
      const product = await tx.product.create({ data: { id: newId("product"), ...data }, select: { id: true } });
      await recordAudit(tx, actor, "product.created", { type: "product", id: product.id }, data);
      return product;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}
