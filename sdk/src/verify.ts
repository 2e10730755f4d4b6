// Offline checks of Keyfront tokens with WebCrypto: compact JWS, alg EdDSA (Ed25519), keys from
// the API's JWKS. Pure: no network, no storage, the same answer in Node, Deno and browsers.
import { decodeBase64url, decodeJsonSegment } from "./base64url.js";
import { normalizeDomain, normalizeFingerprint } from "./scope.js";
import type { Jwks, OfflineTokenPayload, ReceiptPayload, SigningJwk, VerifyResult } from "./types.js";

export const RECEIPT_TYPE = "kf-receipt+jwt";
export const OFFLINE_TOKEN_TYPE = "kf-offline+jwt";

export type TokenHeader = { alg: string; typ: string; kid: string };

type Keys = Jwks | readonly SigningJwk[];
/** `now`: a Date or milliseconds since the epoch (default: the current time). */
type Common = { jwks: Keys; now?: Date | number; product?: string };

const ascii = new TextEncoder();
const imported = new Map<string, Promise<CryptoKey>>();

/** WebCrypto; browsers offer it only in secure contexts (https:, localhost). */
export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new Error("WebCrypto (crypto.subtle) is not available here; browsers offer it only on https: pages and localhost.");
  return subtle;
}

function importEd25519(x: string): Promise<CryptoKey> {
  let key = imported.get(x);
  if (!key) {
    const jwk: JsonWebKey = { kty: "OKP", crv: "Ed25519", x };
    key = subtleCrypto().importKey("jwk", jwk, { name: "Ed25519" }, false, ["verify"]);
    key.catch(() => imported.delete(x));
    imported.set(x, key);
  }
  return key;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Splits and decodes a compact token without checking anything; null when malformed. */
export function decodeToken(token: string): { header: TokenHeader; payload: Record<string, unknown> } | null {
  const parts = typeof token === "string" ? token.split(".") : [];
  if (parts.length !== 3) return null;
  const header = decodeJsonSegment(parts[0]!);
  const payload = decodeJsonSegment(parts[1]!);
  if (!isRecord(header) || !isRecord(payload)) return null;
  if (typeof header.alg !== "string" || typeof header.typ !== "string" || typeof header.kid !== "string") return null;
  return { header: { alg: header.alg, typ: header.typ, kid: header.kid }, payload };
}

function findKey(jwks: Keys, kid: string): SigningJwk | undefined {
  const list = Array.isArray(jwks) ? jwks : (jwks as Jwks).keys;
  return (Array.isArray(list) ? list : []).find((k: SigningJwk) => k.kid === kid && k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string");
}

const nowSeconds = (now: Date | number | undefined) => (now === undefined ? Date.now() : typeof now === "number" ? now : now.getTime()) / 1000;

/**
 * Checks, in this order: layout and JSON, a published key for `kid`, the Ed25519 signature,
 * `typ`, `exp` (seconds). The token is trusted only when `ok` is true.
 */
export async function verifyToken<T>(token: string, typ: string, options: Common): Promise<VerifyResult<T>> {
  const decoded = decodeToken(token);
  if (!decoded) return { ok: false, reason: "MALFORMED" };
  const [head, body, sig] = token.split(".") as [string, string, string];
  const signature = decodeBase64url(sig);
  if (!signature) return { ok: false, reason: "MALFORMED" };
  const jwk = findKey(options.jwks, decoded.header.kid);
  if (!jwk) return { ok: false, reason: "UNKNOWN_KEY" };
  if (decoded.header.alg !== "EdDSA") return { ok: false, reason: "BAD_SIGNATURE" };
  const subtle = subtleCrypto();
  let good: boolean;
  try {
    good = await subtle.verify({ name: "Ed25519" }, await importEd25519(jwk.x), signature, ascii.encode(`${head}.${body}`));
  } catch (err) {
    // A key whose `x` is not a valid Ed25519 point cannot have made this signature.
    if (!(err instanceof Error && (err.name === "DataError" || err.name === "OperationError" || err.name === "InvalidAccessError"))) {
      throw new Error(`This runtime's WebCrypto cannot verify Ed25519 signatures: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    good = false;
  }
  if (!good) return { ok: false, reason: "BAD_SIGNATURE" };
  if (decoded.header.typ !== typ) return { ok: false, reason: "WRONG_TYPE" };
  const exp = decoded.payload.exp;
  if (typeof exp !== "number" || exp <= nowSeconds(options.now)) return { ok: false, reason: "EXPIRED" };
  if (options.product !== undefined && decoded.payload.product !== options.product) return { ok: false, reason: "PRODUCT_MISMATCH" };
  return { ok: true, payload: decoded.payload as T, kid: decoded.header.kid };
}

/** Verifies a decision receipt (typ kf-receipt+jwt). */
export function verifyReceipt(token: string, options: Common): Promise<VerifyResult<ReceiptPayload>> {
  return verifyToken<ReceiptPayload>(token, RECEIPT_TYPE, options);
}

type OfflineOptions = Common & ({ fingerprint: string; domain?: undefined } | { domain: string; fingerprint?: undefined });

/** Verifies an offline token (typ kf-offline+jwt) and that it is bound to this device or site. */
export async function verifyOfflineToken(token: string, options: OfflineOptions): Promise<VerifyResult<OfflineTokenPayload>> {
  const result = await verifyToken<OfflineTokenPayload>(token, OFFLINE_TOKEN_TYPE, options);
  if (!result.ok) return result;
  const expected =
    options.fingerprint !== undefined
      ? { kind: "fingerprint", sub: normalizeFingerprint(options.fingerprint) }
      : { kind: "domain", sub: typeof options.domain === "string" ? normalizeDomain(options.domain) : null };
  if (expected.sub === null || result.payload.kind !== expected.kind || result.payload.sub !== expected.sub) {
    return { ok: false, reason: "SUBJECT_MISMATCH" };
  }
  return result;
}
