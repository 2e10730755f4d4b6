import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/http/parse-input";
import type { Viewer } from "@/lib/auth/roles";
import type { DecisionCode } from "./codes";
import { releaseActivationOfLicense } from "./deactivate-activation";

export const licenseIdField = z.string().regex(/^lic_[0-9A-Z]{26}$/, "invalid");
export const activationIdField = z.string().regex(/^act_[0-9A-Z]{26}$/, "invalid");

const releaseOwnSchema = z.object({ licenseId: licenseIdField, activationId: activationIdField });

export type ActorContext = { ip?: string | null; requestId?: string | null };

/**
 * A customer frees one seat of their own license from the portal. The activation must belong to
 * a license the viewer owns; anything else answers NOT_FOUND and changes nothing. The plan's
 * reassignment limit and cool-down apply (the decision code says which one stopped it).
 */
export async function releaseOwnActivation(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<{ code: DecisionCode }> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const { licenseId, activationId } = parseInput(releaseOwnSchema, input);
  const owned = await db.activation.findFirst({ where: { id: activationId, licenseId, license: { userId: viewer.id } }, select: { id: true } });
  if (!owned) throw new AppError("NOT_FOUND", "No such activation.");
  const decision = await releaseActivationOfLicense(licenseId, activationId, "CUSTOMER");
  if (decision.code === "DEACTIVATED") {
    await recordAudit(db, { type: "USER", id: viewer.id, ...ctx }, "activation.released", { type: "license", id: licenseId }, { activationId, by: "CUSTOMER" });
  }
  return { code: decision.code };
}
