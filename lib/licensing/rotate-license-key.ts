import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { invalidateLicense, loadAndStore } from "@/lib/cache/license-cache";
import { newKeyMaterial } from "./key-material";
import { LICENSE_TX_OPTIONS, bumpLicenseVersion, lockLicense } from "./locked-license";

/**
 * A new key for the same license (a key leaked): activations and history stay, the old key
 * answers NOT_FOUND at once on every instance. Returns the new key once.
 */
export async function rotateLicenseKey(actor: AuditActor, licenseId: string, ownerId?: string) {
  const material = newKeyMaterial(licenseId);
  const result = await db.$transaction(async (tx) => {
    const s = await lockLicense(tx, { id: licenseId });
    if (!s || (ownerId !== undefined && s.userId !== ownerId)) throw new AppError("NOT_FOUND", "No such license.");
    if (s.status === "REVOKED") throw new AppError("CONFLICT", "A revoked license cannot get a new key.");
    await tx.license.update({
      where: { id: s.id },
      data: { keyHash: material.keyHash, keyCiphertext: material.keyCiphertext, keyHint: material.keyHint, keyRotatedAt: new Date() },
    });
    const version = await bumpLicenseVersion(tx, s.id);
    await recordAudit(tx, actor, "license.key_rotated", { type: "license", id: s.id }, { oldHint: null, newHint: material.keyHint });
    return { oldKeyHash: s.keyHash, version };
  }, LICENSE_TX_OPTIONS);
  await invalidateLicense(result.oldKeyHash, result.version);
  await invalidateLicense(material.keyHash, result.version);
  await loadAndStore(material.keyHash);
  return { key: material.key, keyHint: material.keyHint };
}
