// The committed migrations must build exactly the database prisma/schema.prisma describes: applied
// to an empty database, they leave no drift (models, columns, types, nullability, defaults, enums,
// unique constraints, indexes, foreign keys). Runs on its own embedded PostgreSQL.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";
import {
  DEFAULT_MIGRATIONS_DIR,
  applyMigrations,
  createMigrationSql,
  driftSql,
  migrationStatus,
} from "../../scripts/db/engine.mjs";
import { freePort } from "../support/free-port";

const engineModule = path.resolve(import.meta.dirname, "../../scripts/db/engine.mjs");

const migrationNames = fs
  .readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let dir: string;
let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let counter = 0;

async function sql(url: string, text: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function databaseNames(): Promise<string[]> {
  const { rows } = await sql(server.url("postgres"), "SELECT datname FROM pg_database ORDER BY datname");
  return rows.map((r: { datname: string }) => r.datname);
}

/** A new empty database; returns its URL. */
async function freshDatabase(): Promise<string> {
  const name = `drift_${process.pid}_${++counter}`;
  await sql(server.url("postgres"), `CREATE DATABASE "${name}"`);
  return server.url(name);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfront-drift-pg-"));
  fs.chmodSync(dir, 0o755); // the server may run as the postgres user
  server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port: await freePort(), persistent: false });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("migrations vs prisma/schema.prisma", { timeout: 30_000 }, () => {
  it("has migrations", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(
      /provider = "postgresql"/,
    );
  });

  it("applied to an empty database, leave no drift from the schema", async () => {
    const url = await freshDatabase();
    expect(await applyMigrations(url)).toEqual(migrationNames);
    expect(await driftSql(url)).toBe("");
  });

  it("replayed on a temporary shadow database, need no new migration (and touch nothing else)", async () => {
    const url = await freshDatabase();
    const before = await databaseNames();
    expect(await createMigrationSql(url)).toBe("");
    expect(await databaseNames()).toEqual(before); // the shadow database is gone
    const { rows } = await sql(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(rows[0].n).toBe(0); // replay never ran on the real database
  });

  it("drift detection fails on a database that differs from the schema", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await sql(
      url,
      `ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
       ALTER TABLE "Email" ADD COLUMN "extra" INTEGER;
       ALTER TABLE "Price" ALTER COLUMN "currency" TYPE VARCHAR(3);
       ALTER TABLE "Plan" ALTER COLUMN "activationLimit" SET DEFAULT 2;
       DROP INDEX "AuditLog_createdAt_idx";
       DROP INDEX "Product_slug_key";
       ALTER TABLE "ApiKey" DROP CONSTRAINT "ApiKey_userId_fkey";
       ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
       ALTER TYPE "EmailStatus" ADD VALUE 'BOUNCED';
       DROP TABLE "Setting";`,
    );
    const drift = await driftSql(url);
    expect(drift).not.toBe("");
    expect(drift).toMatch(/ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL/); // nullability
    expect(drift).toMatch(/ALTER TABLE "Email" DROP COLUMN "extra"/); // column
    expect(drift).toMatch(/ALTER TABLE "Price" ALTER COLUMN "currency" SET DATA TYPE CHAR\(3\)/); // type
    expect(drift).toMatch(/ALTER TABLE "Plan" ALTER COLUMN "activationLimit" SET DEFAULT 1/); // default
    expect(drift).toMatch(/CREATE INDEX "AuditLog_createdAt_idx"/); // index
    expect(drift).toMatch(/CREATE UNIQUE INDEX "Product_slug_key"/); // unique constraint
    expect(drift).toMatch(/FOREIGN KEY \("userId"\) REFERENCES "User"\("id"\) ON DELETE CASCADE/); // foreign key
    expect(drift).toMatch(/CREATE TYPE "EmailStatus_new" AS ENUM \('QUEUED', 'OUTBOX', 'SENT', 'FAILED'\)/); // enum
    expect(drift).toMatch(/CREATE TABLE "Setting"/); // model
  });

  it("applyMigrations is idempotent and records checksums like prisma migrate deploy", async () => {
    const url = await freshDatabase();
    expect(await applyMigrations(url)).toEqual(migrationNames);
    expect(await applyMigrations(url)).toEqual([]);
    const { rows } = await sql(
      url,
      "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrationStatus(url)).toEqual({
      applied: migrationNames,
      pending: [],
      failed: [],
      unknown: [],
      edited: [],
    });
  });

  it("does not keep a calling process alive after applying migrations", async () => {
    const url = await freshDatabase();
    const script = `import { applyMigrations } from ${JSON.stringify(pathToFileURL(engineModule).href)};
      const applied = await applyMigrations(${JSON.stringify(url)});
      console.log(applied.length);`;
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      timeout: 20_000,
    });
    expect(Number(stdout.trim())).toBe(migrationNames.length);
    // the engine leaves a ~10 s timer behind: the process must not wait for it
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
