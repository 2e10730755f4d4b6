import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  EMAIL_VERIFY: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time token and returns it; only its hash is stored. */
export async function createUserToken(tx: DbOrTx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.userToken.create({
    data: {
      id: newId("token"),
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    },
  });
  return token;
}

/**
 * Marks a token used and returns its user id, or null when it is unknown, used or expired.
 * The conditional update makes a token single-use even under concurrent requests.
 */
export async function consumeUserToken(tx: DbOrTx, token: string, purpose: TokenPurpose): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await tx.userToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, purpose: true } });
  if (!row || row.purpose !== purpose) return null;
  const { count } = await tx.userToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1 ? row.userId : null;
}
