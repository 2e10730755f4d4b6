import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { keyIdOf, publicKeyFromX, publicKeyX } from "./token";

export type ActiveSigningKey = { kid: string; privateKey: KeyObject };
export type PublicSigningKey = { kid: string; x: string; status: "ACTIVE" | "RETIRED"; publishUntil: Date | null };

// Every process caches the active key briefly, so a rotation is picked up everywhere within
// this time; retired keys stay published for longer than the longest token they signed.
const ACTIVE_KEY_CACHE_MS = 60_000;
const LOCK_ID = 7_340_001;

let cached: { key: ActiveSigningKey; until: number } | undefined;

function fromEnv(pem: string): ActiveSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("LICENSE_SIGNING_KEY must be an Ed25519 key");
  return { kid: keyIdOf(createPublicKey(privateKey)), privateKey };
}

/** Creates and stores a key pair (private half encrypted, bound to its kid). */
async function createStoredKey(tx: Pick<typeof db, "signingKey">): Promise<ActiveSigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const kid = keyIdOf(publicKey);
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  await tx.signingKey.create({ data: { kid, publicKey: publicKeyX(publicKey), privateKeyEnc: encryptSecret(pem, `signing-key:${kid}`) } });
  return { kid, privateKey };
}

async function loadActiveKey(): Promise<ActiveSigningKey> {
  const pem = getEnv().LICENSE_SIGNING_KEY;
  if (pem) {
    const key = fromEnv(pem);
    await db.signingKey.upsert({ where: { kid: key.kid }, create: { kid: key.kid, publicKey: publicKeyX(createPublicKey(key.privateKey)) }, update: {} });
    return key;
  }
  const fromRow = (row: { kid: string; privateKeyEnc: string | null }) => ({
    kid: row.kid,
    privateKey: createPrivateKey(decryptSecret(row.privateKeyEnc!, `signing-key:${row.kid}`)),
  });
  const where = { status: "ACTIVE" as const, privateKeyEnc: { not: null } };
  const existing = await db.signingKey.findFirst({ where, orderBy: { createdAt: "desc" } });
  if (existing) return fromRow(existing);
  // First start: one process creates the key, the others wait on the lock and read it.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ID})`;
    const row = await tx.signingKey.findFirst({ where, orderBy: { createdAt: "desc" } });
    return row ? fromRow(row) : createStoredKey(tx);
  });
}

let refreshing: Promise<ActiveSigningKey> | undefined;

/**
 * The key that signs now: LICENSE_SIGNING_KEY, else the stored active key, created on first use.
 * One reload at a time per process; while it runs, requests keep signing with the key they had
 * (under a burst, an expired cache must not send every request to the database at once).
 */
export async function getActiveSigningKey(now = Date.now()): Promise<ActiveSigningKey> {
  if (cached && cached.until > now) return cached.key;
  refreshing ??= loadActiveKey()
    .then((key) => {
      cached = { key, until: Date.now() + ACTIVE_KEY_CACHE_MS };
      return key;
    })
    .finally(() => {
      refreshing = undefined;
    });
  if (cached) {
    refreshing.catch(() => undefined);
    return cached.key;
  }
  return refreshing;
}

/** Public keys to publish: the active ones and retired ones still inside their publish window. */
export async function listPublicSigningKeys(now = new Date()): Promise<PublicSigningKey[]> {
  const rows = await db.signingKey.findMany({
    where: { OR: [{ status: "ACTIVE" }, { publishUntil: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { kid: true, publicKey: true, status: true, publishUntil: true },
  });
  return rows.map((r) => ({ kid: r.kid, x: r.publicKey, status: r.status, publishUntil: r.publishUntil }));
}

export async function publicKeyMap(): Promise<Map<string, KeyObject>> {
  return new Map((await listPublicSigningKeys()).map((k) => [k.kid, publicKeyFromX(k.x)]));
}

/**
 * Starts signing with a new key. The old ones retire but stay published until every token they
 * may have signed has expired (the longest offline-token TTL of any plan, plus the cache time).
 */
export async function rotateSigningKey(now = new Date()): Promise<{ kid: string; retired: string[] }> {
  if (getEnv().LICENSE_SIGNING_KEY) throw new Error("The signing key comes from LICENSE_SIGNING_KEY; rotate it there.");
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ID})`;
    const longest = await tx.plan.aggregate({ _max: { offlineTokenTtlSec: true } });
    const ttlMs = Math.max(longest._max.offlineTokenTtlSec ?? 0, 86_400) * 1000 + ACTIVE_KEY_CACHE_MS;
    const active = await tx.signingKey.findMany({ where: { status: "ACTIVE" }, select: { kid: true } });
    await tx.signingKey.updateMany({
      where: { status: "ACTIVE" },
      data: { status: "RETIRED", retiredAt: now, publishUntil: new Date(now.getTime() + ttlMs) },
    });
    const key = await createStoredKey(tx);
    return { kid: key.kid, retired: active.map((k) => k.kid) };
  });
  cached = undefined;
  refreshing = undefined;
  return result;
}

/** Forgets the cached active key (tests; after rotation in another process it expires by itself). */
export function forgetCachedSigningKey(): void {
  cached = undefined;
  refreshing = undefined;
}
