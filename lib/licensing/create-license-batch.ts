import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { loadAndStore } from "@/lib/cache/license-cache";
import { issueLicense } from "./issue-license";

export const MAX_BATCH_SIZE = 5_000;

/** Unassigned keys for bundles and giveaways, created together in one transaction. */
export async function createLicenseBatch(actor: AuditActor, input: { name: string; planId: string; count: number; seats?: number }) {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH_SIZE) throw new RangeError(`count must be 1..${MAX_BATCH_SIZE}`);
  const result = await db.$transaction(
    async (tx) => {
      const plan = await tx.plan.findUniqueOrThrow({ where: { id: input.planId }, select: { id: true, productId: true } });
      const batch = await tx.licenseBatch.create({ data: { id: newId("batch"), name: input.name, productId: plan.productId, planId: plan.id, count: input.count } });
      const keys: { id: string; key: string; keyHash: string }[] = [];
      for (let i = 0; i < input.count; i++) {
        const l = await issueLicense(tx, { userId: null, planId: plan.id, seats: input.seats, batchId: batch.id });
        keys.push({ id: l.id, key: l.key, keyHash: l.keyHash });
      }
      await recordAudit(tx, actor, "license.batch_created", { type: "licenseBatch", id: batch.id }, { count: input.count, planId: plan.id });
      return { batchId: batch.id, keys };
    },
    { timeout: 120_000 },
  );
  for (const k of result.keys.slice(0, 1000)) await loadAndStore(k.keyHash);
  return { batchId: result.batchId, keys: result.keys.map(({ id, key }) => ({ id, key })) };
}
