import { assertIpNotBlocked, enforceApiLimits, noteFailedActivation } from "@/lib/http/api-rate-limit";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { keyHashOf } from "@/lib/licensing/key-material";
import { validateLicense } from "@/lib/licensing/validate-license";
import { activateLicense } from "@/lib/licensing/activate-license";
import { deactivateActivation } from "@/lib/licensing/deactivate-activation";
import { recordHeartbeat } from "@/lib/licensing/record-heartbeat";
import { checkoutOfflineToken } from "@/lib/licensing/checkout-offline-token";
import { activateBody, deactivateBody, heartbeatBody, offlineTokenBody, validateBody } from "@/lib/licensing/schemas";
import { parseBody, type ApiRequest, type Endpoint } from "../endpoint";
import { respondDecision } from "./respond-decision";

// Limits count per address and per key (its lookup hash, or the raw input when malformed).
const keySubject = (key: string) => keyHashOf(key) ?? `raw:${key.slice(0, 64)}`;

async function guard(req: ApiRequest, op: "validate" | "activate" | "heartbeat", key?: string) {
  await assertIpNotBlocked(req.ip);
  const checks: Parameters<typeof enforceApiLimits>[0] = [[`api:${op}:ip`, req.ip]];
  if (key !== undefined && op !== "heartbeat") checks.push([`api:${op}:key`, keySubject(key)]);
  return enforceApiLimits(checks);
}

export const validateEndpoint: Endpoint = {
  id: "validateLicense",
  method: "POST",
  path: "/api/v1/licenses/validate",
  async handle(req) {
    const input = parseBody(req, validateBody);
    const headers = await guard(req, "validate", input.key);
    return respondDecision(req, await validateLicense(input), headers, {}, input.nonce);
  },
};

export const activateEndpoint: Endpoint = {
  id: "activateLicense",
  method: "POST",
  path: "/api/v1/licenses/activate",
  async handle(req) {
    const input = parseBody(req, activateBody);
    const headers = await guard(req, "activate", input.key);
    const decision = await activateLicense(input);
    if (!decision.valid && (await noteFailedActivation(req.ip))) {
      logger.warn("address blocked after failed activations", { ip: req.ip });
      await recordAudit(db, { type: "SYSTEM", ip: req.ip, requestId: req.requestId }, "api.address_blocked", undefined, { reason: "failed-activations", lastCode: decision.code });
    }
    const { created, ...rest } = decision;
    return respondDecision(req, rest, headers, { created });
  },
};

export const deactivateEndpoint: Endpoint = {
  id: "deactivateLicense",
  method: "POST",
  path: "/api/v1/licenses/deactivate",
  async handle(req) {
    const input = parseBody(req, deactivateBody);
    const headers = await guard(req, "activate", input.key);
    return respondDecision(req, await deactivateActivation(input), headers);
  },
};

export const heartbeatEndpoint: Endpoint = {
  id: "activationHeartbeat",
  method: "POST",
  path: "/api/v1/activations/:id/heartbeat",
  async handle(req) {
    const input = parseBody(req, heartbeatBody);
    const headers = await guard(req, "heartbeat", input.key);
    const activationId = req.params.id ?? "";
    if (activationId.length > 64) return respondDecision(req, await recordHeartbeat({ key: "", activationId: "" }), headers);
    return respondDecision(req, await recordHeartbeat({ key: input.key, activationId }), headers);
  },
};

export const offlineTokenEndpoint: Endpoint = {
  id: "checkoutOfflineToken",
  method: "POST",
  path: "/api/v1/licenses/offline-token",
  async handle(req) {
    const input = parseBody(req, offlineTokenBody);
    const headers = await guard(req, "validate", input.key);
    const { token, expiresAt, ...decision } = await checkoutOfflineToken(input);
    return respondDecision(req, decision, headers, { offlineToken: token, offlineTokenExpiresAt: expiresAt });
  },
};
