import { db } from "@/lib/db";

/** The products and plans an admin can map imported licenses to. */
export async function listImportTargets() {
  return db.product.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, licenseType: true, plans: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, activationLimit: true } } },
  });
}

export type ImportTarget = Awaited<ReturnType<typeof listImportTargets>>[number];
