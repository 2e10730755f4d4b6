// Direct database access for end-to-end tests: each test seeds the users it needs.
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { newId } from "../../lib/ids";
import { generateLicenseKey, hashLicenseKey, licenseKeyHint } from "../../lib/licensing/license-key";
import { encryptSecret } from "../../lib/crypto/secret-box";
import fs from "node:fs";
import path from "node:path";

export const E2E_DATABASE_URL = `postgresql://keyfront:keyfront@127.0.0.1:${process.env.E2E_PG_PORT ?? 54339}/keyfront`;
export const PASSWORD = "e2e password 2026";

let pool: pg.Pool | undefined;
export function sql(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: E2E_DATABASE_URL, max: 2 });
  return pool;
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createUser(options: { role?: "CUSTOMER" | "SUPPORT" | "ADMIN"; name?: string } = {}) {
  const id = newId("user");
  const email = uniqueEmail((options.role ?? "customer").toLowerCase());
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 });
  await sql().query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, now(), now())`,
    [id, email, options.name ?? "E2E User", passwordHash, options.role ?? "CUSTOMER"],
  );
  return { id, email };
}

export async function userRow(id: string) {
  const { rows } = await sql().query(`SELECT role, "suspendedAt", "tokenVersion" FROM "User" WHERE id = $1`, [id]);
  return rows[0] as { role: string; suspendedAt: Date | null; tokenVersion: number };
}

export async function createLicense(userId: string) {
  const productId = newId("product");
  const planId = newId("plan");
  const licenseId = newId("license");
  await sql().query(`INSERT INTO "Product" (id, slug, name, "updatedAt") VALUES ($1, $2, 'E2E Product', now())`, [productId, `e2e-${productId.toLowerCase()}`]);
  await sql().query(`INSERT INTO "Plan" (id, "productId", slug, name, "updatedAt") VALUES ($1, $2, 'std', 'Standard', now())`, [planId, productId]);
  await sql().query(
    `INSERT INTO "License" (id, "keyHash", "keyCiphertext", "keyHint", "userId", "productId", "planId", seats, "updatedAt") VALUES ($1, $2, 'v1.x.x.x', 'KF-E2E…TEST', $3, $4, $5, 2, now())`,
    [licenseId, randomBytes(32).toString("hex"), userId, productId, planId],
  );
  return licenseId;
}

/** The secrets the e2e server runs with (scripts/local-env.mjs writes them before it starts). */
function serverSecrets(): { ENCRYPTION_KEY: string } {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../.data/secrets.json"), "utf8"));
}

/**
 * A license with real key material (the same lookup hash and ciphertext format the app makes,
 * with the e2e server's secrets), optionally activated on some devices. Returns the plaintext key.
 */
export async function createKeyedLicense(
  userId: string,
  options: { productName?: string; seats?: number; entitlements?: string[]; reassignmentLimit?: number; devices?: { fingerprint: string; label: string }[] } = {},
) {
  const productId = newId("product");
  const planId = newId("plan");
  const licenseId = newId("license");
  const key = generateLicenseKey();
  const secret = Buffer.from(serverSecrets().ENCRYPTION_KEY, "base64");
  const pepper = createHmac("sha256", secret).update("license-key-lookup").digest("hex");
  await sql().query(`INSERT INTO "Product" (id, slug, name, "updatedAt") VALUES ($1, $2, $3, now())`, [productId, `e2e-${productId.toLowerCase()}`, options.productName ?? "E2E Studio"]);
  await sql().query(
    `INSERT INTO "Plan" (id, "productId", slug, name, "activationLimit", "reassignmentLimit", entitlements, "updatedAt") VALUES ($1, $2, 'pro', 'Pro', $3, $4, $5, now())`,
    [planId, productId, options.seats ?? 3, options.reassignmentLimit ?? 3, options.entitlements ?? ["pro"]],
  );
  await sql().query(
    `INSERT INTO "License" (id, "keyHash", "keyCiphertext", "keyHint", "userId", "productId", "planId", seats, entitlements, "expiresAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + interval '365 days', now())`,
    [licenseId, hashLicenseKey(key, pepper), encryptSecret(key, licenseId, secret), licenseKeyHint(key), userId, productId, planId, options.seats ?? 3, options.entitlements ?? ["pro"]],
  );
  const activationIds: string[] = [];
  for (const device of options.devices ?? []) {
    const id = newId("activation");
    await sql().query(
      `INSERT INTO "Activation" (id, "licenseId", kind, identifier, label, "lastSeenAt") VALUES ($1, $2, 'FINGERPRINT', $3, $4, now())`,
      [id, licenseId, device.fingerprint, device.label],
    );
    activationIds.push(id);
  }
  return { licenseId, key, activationIds };
}

export async function activationState(licenseId: string) {
  const { rows } = await sql().query(
    `SELECT a.id, a.status, (SELECT count(*)::int FROM "ActivationRelease" r WHERE r."licenseId" = a."licenseId") AS releases FROM "Activation" a WHERE a."licenseId" = $1 ORDER BY a.identifier`,
    [licenseId],
  );
  return rows as { id: string; status: string; releases: number }[];
}
