import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, notFound, type CatalogContext } from "./catalog-access";
import { productTranslationSchema } from "./schemas";

/** An admin adds or replaces a product's name, tagline and description in one locale. */
export async function saveProductTranslation(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<void> {
  const actor = catalogAdmin(viewer, ctx);
  const { productId, locale, ...text } = parseInput(productTranslationSchema, input);
  await db.$transaction(async (tx) => {
    if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } }))) throw notFound("product");
    const before = await tx.productTranslation.findUnique({ where: { productId_locale: { productId, locale } }, select: { name: true } });
    await tx.productTranslation.upsert({ where: { productId_locale: { productId, locale } }, create: { productId, locale, ...text }, update: text });
    await recordAudit(tx, actor, "product.translation_saved", { type: "product", id: productId }, { locale, created: !before, ...text });
  });
}
