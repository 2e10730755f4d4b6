import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/password";
import { newKeyMaterial } from "@/lib/licensing/key-material";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/roles";

export const PASSWORD = "correct horse battery";

let cachedHash: Promise<string> | undefined;

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createUser(options: { role?: Role; verified?: boolean; email?: string; name?: string } = {}) {
  cachedHash ??= hashPassword(PASSWORD);
  const id = newId("user");
  return db.user.create({
    data: {
      id, email: options.email ?? uniqueEmail(), name: options.name ?? "Test User", role: options.role ?? "CUSTOMER",
      passwordHash: await cachedHash, emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
}

export function viewerOf(user: { id: string; email: string; name: string | null; role: Role; locale: string }): Viewer {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

export async function createProductWithPlan() {
  const product = await db.product.create({ data: { id: newId("product"), slug: `p-${randomBytes(4).toString("hex")}`, name: "Test Product" } });
  const plan = await db.plan.create({ data: { id: newId("plan"), productId: product.id, slug: "std", name: "Standard", activationLimit: 3 } });
  return { product, plan };
}

export async function createLicenseFor(userId: string) {
  const { product, plan } = await createProductWithPlan();
  const id = newId("license");
  const material = newKeyMaterial(id);
  const license = await db.license.create({
    data: { id, keyHash: material.keyHash, keyCiphertext: material.keyCiphertext, keyHint: material.keyHint, userId, productId: product.id, planId: plan.id, seats: 3 },
  });
  return { license, key: material.key, product, plan };
}

export async function createPaidOrderFor(userId: string) {
  const { plan } = await createProductWithPlan();
  return db.order.create({
    data: {
      id: newId("order"), userId, status: "PAID", currency: "USD", subtotalMinor: 1000n, totalMinor: 1000n, quote: {},
      items: { create: { id: newId("orderItem"), planId: plan.id, quantity: 1, unitPriceMinor: 1000n, totalMinor: 1000n } },
    },
  });
}

/** Row counts of the tables a failed action must leave untouched. */
export async function tableCounts() {
  const [users, tokens, emails, audit] = await Promise.all([db.user.count(), db.userToken.count(), db.email.count(), db.auditLog.count()]);
  return { users, tokens, emails, audit };
}

type PlanOptions = Partial<{
  licenseType: "SOFTWARE" | "SITE"; activationLimit: number; durationDays: number | null; gracePeriodDays: number;
  heartbeatIntervalSec: number | null; heartbeatGraceSec: number; reassignmentLimit: number; reassignmentPeriodDays: number;
  reassignmentCooldownSec: number; entitlements: string[]; offlineTokenTtlSec: number;
}>;

/** A product and plan with the given licensing policy, and one license issued on it. */
export async function createLicensedPlan(options: PlanOptions & { userId?: string | null; seats?: number; expiresAt?: Date | null } = {}) {
  const { licenseType = "SOFTWARE", userId = null, seats, expiresAt, ...planFields } = options;
  const product = await db.product.create({ data: { id: newId("product"), slug: `p-${randomBytes(4).toString("hex")}`, name: "Licensed Product", licenseType } });
  const plan = await db.plan.create({ data: { id: newId("plan"), productId: product.id, slug: "std", name: "Standard", activationLimit: 5, ...planFields } });
  const { issueLicense } = await import("@/lib/licensing/issue-license");
  const license = await db.$transaction((tx) => issueLicense(tx, { userId, planId: plan.id, seats, expiresAt }));
  return { product, plan, license, key: license.key };
}

/** An order awaiting payment, for wallet and promo tests. */
export async function createPendingOrderFor(userId: string, options: { currency?: string; totalMinor?: bigint; status?: "PENDING" | "PAID" | "FAILED" | "EXPIRED"; promoCodeId?: string } = {}) {
  const { plan } = await createProductWithPlan();
  const totalMinor = options.totalMinor ?? 1000n;
  return db.order.create({
    data: {
      id: newId("order"), userId, status: options.status ?? "PENDING", currency: options.currency ?? "USD", subtotalMinor: totalMinor, totalMinor, quote: {},
      promoCodeId: options.promoCodeId ?? null, paidAt: options.status === "PAID" ? new Date() : null,
      items: { create: { id: newId("orderItem"), planId: plan.id, quantity: 1, unitPriceMinor: totalMinor, totalMinor } },
    },
  });
}

type PromoOptions = Partial<{
  maxRedemptions: number | null; perCustomerLimit: number | null; firstPurchaseOnly: boolean; redemptionCount: number;
  resetPeriod: "NONE" | "DAILY" | "WEEKLY" | "MONTHLY"; periodStartedAt: Date | null; startsAt: Date | null; endsAt: Date | null; active: boolean;
}>;

/** A 10 % promo code with the given caps. */
export async function createPromoCode(options: PromoOptions = {}) {
  return db.promoCode.create({
    data: { id: newId("promo"), code: `TEST-${randomBytes(4).toString("hex").toUpperCase()}`, kind: "PERCENT", percentBp: 1000, ...options },
  });
}

/**
 * As a real client does: an operation refused because the server was busy (no connection or
 * transaction slot in time; nothing changed) is retried after a pause.
 */
export async function retryWhenBusy<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (attempt >= attempts || (code !== "P2024" && code !== "P2028")) throw err;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }
}
