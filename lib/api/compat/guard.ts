import { assertIpNotBlocked, enforceApiLimits, noteFailedActivation } from "@/lib/http/api-rate-limit";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { keyHashOf } from "@/lib/licensing/key-material";
import type { DecisionCode } from "@/lib/licensing/codes";
import type { ApiRequest } from "../endpoint";

// The compatibility shapes count against the same limits as /api/v1: a check is a validation,
// an activation or deactivation an activation, per address and per key.
const keySubject = (key: string) => keyHashOf(key) ?? `raw:${key.slice(0, 64)}`;

export async function guardCompat(req: ApiRequest, op: "validate" | "activate", key?: string): Promise<Record<string, string>> {
  await assertIpNotBlocked(req.ip);
  const checks: Parameters<typeof enforceApiLimits>[0] = [[`api:${op}:ip`, req.ip]];
  if (key) checks.push([`api:${op}:key`, keySubject(key)]);
  return enforceApiLimits(checks);
}

/** A refused activation counts towards the address block, as on /api/v1/licenses/activate. */
export async function noteRefusedActivation(req: ApiRequest, code: DecisionCode | "NO_SITE"): Promise<void> {
  if (!(await noteFailedActivation(req.ip))) return;
  logger.warn("address blocked after failed activations", { ip: req.ip });
  await recordAudit(db, { type: "SYSTEM", ip: req.ip, requestId: req.requestId }, "api.address_blocked", undefined, { reason: "failed-activations", lastCode: code });
}
