import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { creditWallet } from "@/lib/wallet/credit-wallet";
import type { BillingInterval } from "@/lib/generated/prisma/enums";

/** A product on sale with one plan, its prices (minor units per currency) and volume tiers. */
export async function createPricedPlan(options: {
  prices?: Record<string, bigint>;
  tiers?: { minQuantity: number; discountBp: number }[];
  billingInterval?: BillingInterval;
  durationDays?: number | null;
  activationLimit?: number;
  active?: boolean;
  productActive?: boolean;
} = {}) {
  const product = await db.product.create({
    data: { id: newId("product"), slug: `p-${randomBytes(4).toString("hex")}`, name: "Photo Sorter", active: options.productActive ?? true },
  });
  const plan = await db.plan.create({
    data: {
      id: newId("plan"), productId: product.id, slug: "pro", name: "Pro", active: options.active ?? true,
      billingInterval: options.billingInterval ?? "ONE_TIME", durationDays: options.durationDays ?? null,
      activationLimit: options.activationLimit ?? 3,
    },
  });
  for (const [currency, amountMinor] of Object.entries(options.prices ?? { USD: 5000n })) {
    await db.price.create({ data: { id: newId("price"), planId: plan.id, currency, amountMinor } });
  }
  for (const tier of options.tiers ?? []) {
    await db.volumeTier.create({ data: { id: newId("tier"), productId: product.id, ...tier } });
  }
  return { product, plan };
}

export async function fundWallet(userId: string, amountMinor: bigint, currency = "USD") {
  return creditWallet(db, { userId, currency, amountMinor, idempotencyKey: `test-top-up:${randomBytes(6).toString("hex")}` });
}

/** Rows of every table checkout writes; a refused call must leave them all unchanged. */
export async function checkoutCounts() {
  const [orders, items, redemptions, walletEntries, licenses, emails, events, audit] = await Promise.all([
    db.order.count(), db.orderItem.count(), db.promoRedemption.count(), db.walletEntry.count(), db.license.count(),
    db.email.count(), db.paymentEvent.count(), db.auditLog.count(),
  ]);
  return { orders, items, redemptions, walletEntries, licenses, emails, events, audit };
}

export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string[]> } & Record<string, unknown>> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!err) throw new Error("expected the call to fail");
  return err as { code: string; message: string; fields?: Record<string, string[]> };
}
