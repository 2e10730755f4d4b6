import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/roles";
import { createUser, viewerOf } from "../support/factories";

export const ctx = { ip: "10.1.2.3", requestId: "req-catalog" };

export const staff = async (role: "ADMIN" | "SUPPORT" | "CUSTOMER" = "ADMIN") => viewerOf(await createUser({ role }));

/**
 * An admin whose user row is gone: their audit entry cannot be written (its actor must exist),
 * so a change that writes it in the same transaction must roll back as a whole.
 */
export async function adminWhoseAuditFails(): Promise<Viewer> {
  const viewer = await staff("ADMIN");
  await db.user.delete({ where: { id: viewer.id } });
  return viewer;
}

export function productForm(overrides: Record<string, string> = {}) {
  const slug = `app-${Math.random().toString(36).slice(2, 8)}`;
  return { slug, name: "Photo Sorter", tagline: "Sort photos fast", description: "", licenseType: "SOFTWARE", active: "on", sortOrder: "0", ...overrides };
}

export function planForm(productId: string, overrides: Record<string, string> = {}) {
  return {
    productId, slug: "pro", name: "Pro", billingInterval: "YEAR", durationDays: "365", activationLimit: "3", reassignmentLimit: "2",
    reassignmentPeriodDays: "30", reassignmentCooldownSec: "3600", heartbeatIntervalSec: "86400", heartbeatGraceSec: "3600",
    offlineTokenTtlSec: "604800", gracePeriodDays: "7", entitlements: "export, sync", channels: "stable, beta", active: "on", sortOrder: "1",
    ...overrides,
  };
}

/** Row counts of every table a catalog change may write. */
export async function catalogCounts() {
  const [products, translations, plans, prices, tiers, rates, settings, audit] = await Promise.all([
    db.product.count(), db.productTranslation.count(), db.plan.count(), db.price.count(), db.volumeTier.count(),
    db.exchangeRate.count(), db.setting.count(), db.auditLog.count(),
  ]);
  return { products, translations, plans, prices, tiers, rates, settings, audit };
}
