import { randomUUID } from "node:crypto";
import { Lru } from "@/lib/cache/lru";
import type { Decision } from "./decision";
import { getActiveSigningKey } from "./signing/signing-keys";
import { signToken } from "./signing/token";

// Signed proof of a decision that a client may keep and check offline until `exp`.
export const RECEIPT_TYPE = "kf-receipt+jwt";
export const OFFLINE_TOKEN_TYPE = "kf-offline+jwt";
export const RECEIPT_TTL_SEC = 6 * 3600;

export type ReceiptPayload = {
  lic: string | null;
  product: string | null;
  valid: boolean;
  code: string;
  status: string | null;
  ent: string[];
  lexp: string | null;
  act: string | null;
  sub: string | null;
  nonce: string;
  iat: number;
  exp: number;
};

// Signing costs ~60 µs. When the client sends no nonce of its own, a receipt for the same
// decision is reused for up to REUSE_MS: it is byte-identical to a fresh one except iat/exp/nonce,
// and its exp stays honest (iat is when it was signed). A client that needs freshness proof sends
// `nonce` and always gets a receipt made for it.
export const RECEIPT_REUSE_MS = 5_000;
const reusable = new Lru<{ token: string; signedAt: number }>(100_000, RECEIPT_REUSE_MS);

// 122 random bits from Node's buffered UUID entropy: no system call per receipt.
const serverNonce = () => randomUUID().replaceAll("-", "");

/** A signed receipt for the decision, and until when the same receipt may be handed out again (0: never). */
export async function signReusableReceipt(decision: Decision, clientNonce?: string, now = Date.now()): Promise<{ token: string; reusableUntil: number }> {
  const l = decision.license;
  const a = decision.activation;
  const reuseKey = clientNonce === undefined ? `${decision.code}|${l?.id}|${l?.status}|${l?.expiresAt}|${l?.entitlements.join(",")}|${l?.activationsUsed}|${a?.id}|${a?.status}` : "";
  if (reuseKey) {
    const hit = reusable.get(reuseKey);
    if (hit && hit.signedAt <= now) return { token: hit.token, reusableUntil: hit.signedAt + RECEIPT_REUSE_MS };
  }
  const iat = Math.floor(now / 1000);
  const payload: ReceiptPayload = {
    lic: l?.id ?? null, product: l?.product ?? null, valid: decision.valid, code: decision.code, status: l?.status ?? null,
    ent: l?.entitlements ?? [], lexp: l?.expiresAt ?? null, act: a?.id ?? null, sub: a?.identifier ?? null,
    nonce: clientNonce ?? serverNonce(), iat, exp: iat + RECEIPT_TTL_SEC,
  };
  const token = signToken(RECEIPT_TYPE, payload, await getActiveSigningKey(now));
  if (!reuseKey) return { token, reusableUntil: 0 };
  reusable.set(reuseKey, { token, signedAt: now });
  return { token, reusableUntil: now + RECEIPT_REUSE_MS };
}

export type OfflineTokenPayload = {
  lic: string;
  product: string;
  ent: string[];
  lexp: string | null;
  act: string;
  kind: "fingerprint" | "domain";
  sub: string;
  iat: number;
  exp: number;
};

/** A license file bound to one activation; valid offline until `exp` (never past the license). */
export async function signOfflineToken(
  input: Omit<OfflineTokenPayload, "iat" | "exp">,
  ttlSec: number,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now / 1000);
  let exp = iat + ttlSec;
  if (input.lexp) exp = Math.min(exp, Math.floor(Date.parse(input.lexp) / 1000));
  const token = signToken(OFFLINE_TOKEN_TYPE, { ...input, iat, exp }, await getActiveSigningKey(now));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
