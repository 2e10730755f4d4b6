import { db } from "@/lib/db";
import { keyLookupOf } from "@/lib/licensing/key-material";

// What the compatibility shapes report beside a decision: the product, plan, customer and order
// behind a key (other platforms' clients read them), in one indexed read.
export type CompatLicenseFacts = {
  id: string;
  /** the key in its canonical form */
  key: string;
  createdAt: Date;
  paymentOverdueAt: Date | null;
  product: { id: string; slug: string; name: string; licenseType: "SOFTWARE" | "SITE" };
  plan: { id: string; name: string };
  customer: { id: string; name: string | null; email: string } | null;
  order: { id: string; itemId: string } | null;
};

export async function getCompatLicenseFacts(key: string): Promise<CompatLicenseFacts | null> {
  const lookup = keyLookupOf(key);
  if (!lookup) return null;
  const { hash: keyHash, key: canonical } = lookup;
  const row = await db.license.findUnique({
    where: { keyHash },
    select: {
      id: true, createdAt: true, paymentOverdueAt: true,
      product: { select: { id: true, slug: true, name: true, licenseType: true } },
      plan: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true } },
      orderItem: { select: { id: true, orderId: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id, key: canonical, createdAt: row.createdAt, paymentOverdueAt: row.paymentOverdueAt,
    product: row.product, plan: row.plan, customer: row.user,
    order: row.orderItem ? { id: row.orderItem.orderId, itemId: row.orderItem.id } : null,
  };
}
