import type { Tx } from "@/lib/db";
import { loadLicenseSnapshot, type LicenseSnapshot } from "./snapshot";

/**
 * Locks the license row for the rest of the transaction and reads its state. Every change to a
 * license's activations goes through this lock, so seat counts stay exact under concurrency.
 */
export async function lockLicense(tx: Tx, by: { keyHash: string } | { id: string }): Promise<LicenseSnapshot | null> {
  const rows =
    "keyHash" in by
      ? await tx.$queryRaw<{ keyHash: string }[]>`SELECT "keyHash" FROM "License" WHERE "keyHash" = ${by.keyHash} FOR UPDATE`
      : await tx.$queryRaw<{ keyHash: string }[]>`SELECT "keyHash" FROM "License" WHERE "id" = ${by.id} FOR UPDATE`;
  if (!rows[0]) return null;
  return loadLicenseSnapshot(rows[0].keyHash, tx);
}

/** Marks the license changed: bumps its version (caches refuse older copies) and returns it. */
export async function bumpLicenseVersion(tx: Tx, licenseId: string): Promise<number> {
  const row = await tx.license.update({ where: { id: licenseId }, data: { version: { increment: 1 } }, select: { version: true } });
  return row.version;
}

/**
 * Transactions that take a license's row lock queue behind each other under bursts (a hundred
 * machines activating one key at once): give them time to get a connection and the lock.
 */
export const LICENSE_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;
