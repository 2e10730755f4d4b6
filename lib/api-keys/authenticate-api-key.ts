import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/audit/record-audit";
import { hashApiKey, looksLikeApiKey, type ApiKeyScope } from "./api-key-format";

export type ApiKeyPrincipal = { apiKeyId: string; userId: string; scopes: string[]; actor: AuditActor };

const LAST_USED_EVERY_MS = 60_000;

/**
 * Checks "Authorization: Bearer kf_live_…": 401 when missing or unknown, 403 when revoked,
 * expired, lacking the scope, or its owner is no longer an active admin.
 */
export async function authenticateApiKey(authorization: string | null, scope: ApiKeyScope, ctx: { ip: string; requestId: string }): Promise<ApiKeyPrincipal> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !looksLikeApiKey(token)) throw new AppError("UNAUTHENTICATED", "Send an API key as 'Authorization: Bearer kf_live_…'.");
  const keyHash = hashApiKey(token);
  const row = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, keyHash: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true, userId: true, user: { select: { role: true, suspendedAt: true } } },
  });
  if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(keyHash))) throw new AppError("UNAUTHENTICATED", "Unknown API key.");
  if (row.revokedAt) throw new AppError("FORBIDDEN", "This API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= new Date()) throw new AppError("FORBIDDEN", "This API key has expired.");
  if (row.user.role !== "ADMIN" || row.user.suspendedAt) throw new AppError("FORBIDDEN", "The owner of this API key is no longer an administrator.");
  if (!row.scopes.includes(scope)) throw new AppError("FORBIDDEN", `This API key lacks the '${scope}' scope.`);
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { apiKeyId: row.id, userId: row.userId, scopes: row.scopes, actor: { type: "API_KEY", id: row.userId, ip: ctx.ip, requestId: ctx.requestId } };
}
