import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";

/** The plaintext key for its owner (or staff when ownerId is omitted); every reveal is audited. */
export async function revealLicenseKey(actor: AuditActor, licenseId: string, ownerId?: string): Promise<string> {
  const row = await db.license.findUnique({ where: { id: licenseId }, select: { id: true, userId: true, keyCiphertext: true } });
  if (!row || (ownerId !== undefined && row.userId !== ownerId)) throw new AppError("NOT_FOUND", "No such license.");
  const key = decryptSecret(row.keyCiphertext, row.id);
  await recordAudit(db, actor, "license.key_revealed", { type: "license", id: row.id });
  return key;
}
