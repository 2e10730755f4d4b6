import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, type CatalogContext } from "./catalog-access";
import { removeTranslationSchema } from "./schemas";

/** An admin removes one locale's translation; that locale falls back to the base fields. */
export async function removeProductTranslation(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ removed: boolean }> {
  const actor = catalogAdmin(viewer, ctx);
  const { productId, locale } = parseInput(removeTranslationSchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.productTranslation.deleteMany({ where: { productId, locale } });
    if (count) await recordAudit(tx, actor, "product.translation_removed", { type: "product", id: productId }, { locale });
    return { removed: count > 0 };
  });
}
