import { db } from "@/lib/db";

export async function listProductsForAdmin() {
  return db.product.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, licenseType: true, active: true, _count: { select: { plans: true, licenses: true } } },
  });
}
