import { z } from "zod";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { assertRole, ADMIN_ROLES, type Viewer } from "@/lib/auth/roles";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/http/parse-input";
import { API_KEY_SCOPES, generateApiKey } from "./api-key-format";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Required.").max(80),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Pick at least one scope."),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

/** Creates an integration key for an admin; the plaintext is returned this once only. */
export async function createApiKey(viewer: Viewer | null, raw: unknown, ctx: { ip?: string; requestId?: string } = {}) {
  assertRole(viewer, ADMIN_ROLES);
  const input = parseInput(createApiKeyInput, raw);
  const { key, prefix, keyHash } = generateApiKey();
  const id = newId("apiKey");
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({ data: { id, name: input.name, prefix, keyHash, scopes: input.scopes, userId: viewer.id, expiresAt } });
    await recordAudit(tx, actorOf(viewer, ctx), "api_key.created", { type: "apiKey", id }, { name: input.name, scopes: input.scopes });
  });
  return { id, key, prefix };
}

export async function revokeApiKey(viewer: Viewer | null, id: string, ctx: { ip?: string; requestId?: string } = {}) {
  assertRole(viewer, ADMIN_ROLES);
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such active API key.");
    await recordAudit(tx, actorOf(viewer, ctx), "api_key.revoked", { type: "apiKey", id });
  });
}

export async function listApiKeys(viewer: Viewer | null) {
  assertRole(viewer, ADMIN_ROLES);
  return db.apiKey.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, prefix: true, scopes: true, lastUsedAt: true, expiresAt: true, revokedAt: true, createdAt: true, user: { select: { email: true } } },
  });
}

function actorOf(viewer: Viewer, ctx: { ip?: string; requestId?: string }): AuditActor {
  return { type: "USER", id: viewer.id, ip: ctx.ip, requestId: ctx.requestId };
}
