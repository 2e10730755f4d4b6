import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

// Compact signed tokens: base64url(header).base64url(payload).base64url(Ed25519 signature over
// "header.payload"), the JWS compact layout with alg EdDSA, so any JOSE library can check them.
export type TokenHeader = { alg: "EdDSA"; typ: string; kid: string };

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function signToken(typ: string, payload: object, key: { kid: string; privateKey: KeyObject }): string {
  const head = b64(JSON.stringify({ alg: "EdDSA", typ, kid: key.kid } satisfies TokenHeader));
  const body = b64(JSON.stringify(payload));
  const signature = sign(null, Buffer.from(`${head}.${body}`), key.privateKey);
  return `${head}.${body}.${b64(signature)}`;
}

export type VerifyResult<T> = { ok: true; header: TokenHeader; payload: T } | { ok: false; reason: "MALFORMED" | "UNKNOWN_KEY" | "BAD_SIGNATURE" | "EXPIRED" | "WRONG_TYPE" };

/** Checks signature, type and `exp` (seconds). `keys` maps kid → public key. */
export function verifyToken<T extends { exp?: number }>(token: string, typ: string, keys: Map<string, KeyObject>, nowSec = Date.now() / 1000): VerifyResult<T> {
  const parts = typeof token === "string" ? token.split(".") : [];
  if (parts.length !== 3) return { ok: false, reason: "MALFORMED" };
  let header: TokenHeader;
  let payload: T;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8"));
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "MALFORMED" };
  }
  const key = keys.get(header.kid);
  if (!key) return { ok: false, reason: "UNKNOWN_KEY" };
  if (header.alg !== "EdDSA" || !verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2]!, "base64url"))) {
    return { ok: false, reason: "BAD_SIGNATURE" };
  }
  if (header.typ !== typ) return { ok: false, reason: "WRONG_TYPE" };
  if (typeof payload.exp !== "number" || payload.exp <= nowSec) return { ok: false, reason: "EXPIRED" };
  return { ok: true, header, payload };
}

/** Raw 32-byte Ed25519 public key, base64url (the JWK "x"). */
export function publicKeyX(publicKey: KeyObject): string {
  return publicKey.export({ format: "jwk" }).x!;
}

/** A stable key id: the first 16 characters of the public key's SHA-256, base64url. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(Buffer.from(publicKeyX(publicKey), "base64url")).digest("base64url").slice(0, 16);
}

export function publicKeyFromX(x: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}
