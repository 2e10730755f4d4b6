// Direct database access for end-to-end tests: each test seeds the users it needs.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { newId } from "../../lib/ids";

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
