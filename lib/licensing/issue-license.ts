import type { Tx } from "@/lib/db";
import { newId } from "@/lib/ids";
import { newKeyMaterial } from "./key-material";

export type IssueLicenseInput = {
  userId: string | null;
  planId: string;
  /** seats bought: quantity × the plan's activation limit when called by the checkout */
  seats?: number;
  orderItemId?: string | null;
  batchId?: string | null;
  /** explicit expiry; default from the plan's duration (null = perpetual) */
  expiresAt?: Date | null;
  now?: Date;
};

/**
 * Creates one license inside the caller's transaction (the checkout calls it when an order is
 * paid). Returns the plaintext key once; only its hash and ciphertext are stored. The caller
 * pre-warms the cache after commit with loadAndStore(keyHash).
 */
export async function issueLicense(tx: Tx, input: IssueLicenseInput) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: input.planId }, select: { id: true, productId: true, activationLimit: true, durationDays: true, entitlements: true } });
  const now = input.now ?? new Date();
  const id = newId("license");
  const material = newKeyMaterial(id);
  const expiresAt = input.expiresAt !== undefined ? input.expiresAt : plan.durationDays ? new Date(now.getTime() + plan.durationDays * 86_400_000) : null;
  const license = await tx.license.create({
    data: {
      id, keyHash: material.keyHash, keyCiphertext: material.keyCiphertext, keyHint: material.keyHint,
      userId: input.userId, productId: plan.productId, planId: plan.id, orderItemId: input.orderItemId ?? null,
      batchId: input.batchId ?? null, seats: input.seats ?? plan.activationLimit, entitlements: plan.entitlements, expiresAt,
    },
    select: { id: true, keyHash: true, keyHint: true, seats: true, expiresAt: true },
  });
  return { ...license, key: material.key };
}
