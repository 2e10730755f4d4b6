import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { ApiKeyScope } from "@/lib/api-keys/api-key-format";
import { enforceApiLimits } from "@/lib/http/api-rate-limit";
import { parseInput } from "@/lib/http/parse-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadAndStore } from "@/lib/cache/license-cache";
import { getLicenseDetail, listLicenses } from "@/lib/licensing/admin-queries";
import { issueLicense } from "@/lib/licensing/issue-license";
import { extendLicense, reinstateLicense, resetActivations, revokeLicense, suspendLicense } from "@/lib/licensing/change-license";
import { parseBody, type ApiRequest, type Endpoint } from "../endpoint";

// The management API for integrations (LIC-11), authorized by scoped API keys.
export async function principal(req: ApiRequest, scope: ApiKeyScope) {
  const p = await authenticateApiKey(req.header("authorization"), scope, req);
  const headers = await enforceApiLimits([["api:admin:key", p.apiKeyId]]);
  return { ...p, headers };
}

export const listQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(["ACTIVE", "SUSPENDED", "REVOKED"]).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const createLicenseBody = z.object({
  planId: z.string().min(1).max(64),
  email: z.email().max(254).optional().describe("Assign to this customer (must have an account)"),
  seats: z.number().int().min(1).max(100_000).optional(),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export const licenseActionBody = z.object({
  reason: z.string().max(500).optional(),
  days: z.number().int().min(1).max(36_500).optional(),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export const LICENSE_ACTIONS = ["suspend", "reinstate", "revoke", "extend", "reset-activations"] as const;

export const listLicensesEndpoint: Endpoint = {
  id: "adminListLicenses",
  method: "GET",
  path: "/api/v1/admin/licenses",
  async handle(req) {
    const { headers } = await principal(req, "licenses:read");
    const q = parseInput(listQuery, Object.fromEntries(req.query));
    const page = await listLicenses({ q: q.q, status: q.status, cursor: q.cursor, take: q.limit });
    return { status: 200, body: page, headers };
  },
};

export const createLicenseEndpoint: Endpoint = {
  id: "adminCreateLicense",
  method: "POST",
  path: "/api/v1/admin/licenses",
  async handle(req) {
    const p = await principal(req, "licenses:write");
    const input = parseBody(req, createLicenseBody);
    const created = await db.$transaction(async (tx) => {
      const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true } });
      if (!plan) throw new AppError("VALIDATION_FAILED", "Unknown plan.", { fields: { planId: ["No such plan."] } });
      let userId: string | null = null;
      if (input.email) {
        const user = await tx.user.findUnique({ where: { email: input.email.toLowerCase() }, select: { id: true } });
        if (!user) throw new AppError("VALIDATION_FAILED", "No customer with this email.", { fields: { email: ["No account with this email."] } });
        userId = user.id;
      }
      const license = await issueLicense(tx, { userId, planId: plan.id, seats: input.seats, expiresAt: input.expiresAt === undefined ? undefined : input.expiresAt === null ? null : new Date(input.expiresAt) });
      await recordAudit(tx, p.actor, "license.created", { type: "license", id: license.id }, { apiKeyId: p.apiKeyId, planId: plan.id, userId });
      return license;
    });
    await loadAndStore(created.keyHash);
    const detail = await getLicenseDetail(created.id);
    return { status: 201, body: { license: detail, key: created.key }, headers: p.headers };
  },
};

export const getLicenseEndpoint: Endpoint = {
  id: "adminGetLicense",
  method: "GET",
  path: "/api/v1/admin/licenses/:id",
  async handle(req) {
    const { headers } = await principal(req, "licenses:read");
    const license = await getLicenseDetail(req.params.id ?? "");
    if (!license) throw new AppError("NOT_FOUND", "No such license.");
    return { status: 200, body: { license }, headers };
  },
};

export const licenseActionEndpoint: Endpoint = {
  id: "adminLicenseAction",
  method: "POST",
  path: "/api/v1/admin/licenses/:id/:action",
  async handle(req) {
    const p = await principal(req, "licenses:write");
    const action = req.params.action as (typeof LICENSE_ACTIONS)[number];
    if (!LICENSE_ACTIONS.includes(action)) throw new AppError("NOT_FOUND", `Unknown action. Use one of: ${LICENSE_ACTIONS.join(", ")}.`);
    const input = parseBody(req, licenseActionBody);
    const id = req.params.id ?? "";
    const actor = p.actor;
    if (action === "suspend") await suspendLicense(actor, id, input.reason);
    else if (action === "reinstate") await reinstateLicense(actor, id);
    else if (action === "revoke") await revokeLicense(actor, id, input.reason);
    else if (action === "reset-activations") await resetActivations(actor, id);
    else {
      if (input.days === undefined && input.expiresAt === undefined) {
        throw new AppError("VALIDATION_FAILED", "Send days or expiresAt.", { fields: { days: ["Send days or expiresAt."] } });
      }
      await extendLicense(actor, id, input.days !== undefined ? { days: input.days } : { expiresAt: input.expiresAt ? new Date(input.expiresAt) : null });
    }
    return { status: 200, body: { license: await getLicenseDetail(id) }, headers: p.headers };
  },
};
