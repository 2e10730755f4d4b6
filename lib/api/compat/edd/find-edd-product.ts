import { db } from "@/lib/db";
import { titleSlug } from "./edd-params";

const PRODUCT_SELECT = { id: true, slug: true, name: true, tagline: true, description: true } as const;
const MAX_SCANNED = 1000;

export type EddProduct = { id: string; slug: string; name: string; tagline: string | null; description: string | null };

/**
 * The product an update check names: by `item_id` (product id or slug), else by `item_name`
 * (its name or slug, compared as EDD compares titles), else the license's own product.
 */
export async function findEddProduct(item: { id?: string; name?: string; licenseProductId?: string }): Promise<EddProduct | null> {
  if (item.id) {
    return db.product.findFirst({ where: { OR: [{ id: item.id }, { slug: item.id.toLowerCase() }] }, select: PRODUCT_SELECT });
  }
  if (item.name) {
    const wanted = titleSlug(item.name);
    if (!wanted) return null;
    const direct = await db.product.findFirst({ where: { OR: [{ name: { equals: item.name, mode: "insensitive" } }, { slug: wanted }] }, select: PRODUCT_SELECT });
    if (direct) return direct;
    // Names that differ only in punctuation or accents: compare them all (a catalog is small).
    const all = await db.product.findMany({ select: PRODUCT_SELECT, orderBy: { createdAt: "asc" }, take: MAX_SCANNED });
    return all.find((p) => titleSlug(p.name) === wanted) ?? null;
  }
  if (item.licenseProductId) return db.product.findUnique({ where: { id: item.licenseProductId }, select: PRODUCT_SELECT });
  return null;
}
