// Gives every test file its own database, cloned from the migrated template (fast: a file copy),
// and the environment the app modules read. Tests seed what they need themselves.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("pgAdminUrl");
const template = inject("pgTemplate");
const name = `t_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client(adminUrl);
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
