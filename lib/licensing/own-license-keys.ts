import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import type { Viewer } from "@/lib/auth/roles";
import { revealLicenseKey } from "./reveal-license-key";
import { rotateLicenseKey } from "./rotate-license-key";
import { licenseIdField, type ActorContext } from "./release-own-activation";

// The portal's key operations. Both pass the viewer as owner: another customer's license id
// answers NOT_FOUND, exactly like an id that does not exist. Each reveal and rotation is audited.
const licenseSchema = z.object({ licenseId: licenseIdField });

function owner(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return viewer;
}

export async function revealOwnLicenseKey(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}): Promise<string> {
  const v = owner(viewer);
  const { licenseId } = parseInput(licenseSchema, input);
  return revealLicenseKey({ type: "USER", id: v.id, ...ctx }, licenseId, v.id);
}

/** A new key for the viewer's own license (the old one stops working at once); shown once. */
export async function rotateOwnLicenseKey(viewer: Viewer | null, input: unknown, ctx: ActorContext = {}) {
  const v = owner(viewer);
  const { licenseId } = parseInput(licenseSchema, input);
  return rotateLicenseKey({ type: "USER", id: v.id, ...ctx }, licenseId, v.id);
}
