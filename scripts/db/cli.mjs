// Keyfront database migrations without Prisma's native schema engine (see engine.mjs).
//
//   node scripts/db/cli.mjs migrate            apply pending migrations (like `prisma migrate deploy`)
//   node scripts/db/cli.mjs migration <name>   write prisma/migrations/<timestamp>_<name>/migration.sql
//                                              from the changes in prisma/schema.prisma
//   node scripts/db/cli.mjs status             applied / pending / failed migrations (exit 1 unless up to date)
//   node scripts/db/cli.mjs drift              exit 1 and print the SQL if the database differs from the schema
//
// Uses DATABASE_URL. Without it, uses the embedded PostgreSQL of `npm run dev` (.data/postgres, port
// EMBEDDED_PG_PORT or 54329, database keyfront): the one already running, or one started for the command.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.mjs";
import { DATA_DIR, ensureDatabase } from "../local-env.mjs";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  applyMigrations,
  createMigrationSql,
  driftSql,
  migrationStatus,
} from "./engine.mjs";

const USAGE = "Usage: node scripts/db/cli.mjs migrate | migration <name> | status | drift";
const rel = (p) => path.relative(process.cwd(), p) || ".";
const info = (msg) => process.stderr.write(`${msg}\n`);

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** DATABASE_URL, or the embedded server of `npm run dev` (started here if it is not running). */
async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const running = `postgresql://keyfront:keyfront@127.0.0.1:${port}/postgres`;
  if (await reachable(running)) {
    info(`Using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
    await ensureDatabase(running, "keyfront");
    return { url: running.replace(/\/postgres$/, "/keyfront"), stop: async () => {} };
  }
  info(`Starting the embedded PostgreSQL on 127.0.0.1:${port} (data in ${rel(path.join(DATA_DIR, "postgres"))})`);
  const server = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres"), port });
  try {
    await ensureDatabase(server.url("postgres"), "keyfront");
  } catch (err) {
    await server.stop().catch(() => {});
    throw err;
  }
  return { url: server.url("keyfront"), stop: () => server.stop() };
}

function snakeCase(name) {
  return name
    .normalize("NFKD")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
}

function timestamp(date = new Date()) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14); // YYYYMMDDHHMMSS, UTC like Prisma
}

const commands = {
  async migrate(url) {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
    return 0;
  },

  async migration(url, name) {
    const snake = snakeCase(name);
    const sql = await createMigrationSql(url, { schemaPath: DEFAULT_SCHEMA_PATH, migrationsDir: DEFAULT_MIGRATIONS_DIR });
    if (!sql) {
      console.log("No schema changes");
      return 0;
    }
    const existing = fs.existsSync(DEFAULT_MIGRATIONS_DIR) ? fs.readdirSync(DEFAULT_MIGRATIONS_DIR).sort() : [];
    let stamp = timestamp();
    const last = existing.filter((d) => /^\d{14}_/.test(d)).at(-1)?.slice(0, 14);
    if (last && last >= stamp) stamp = String(BigInt(last) + 1n); // keep the folder order = history order
    const dir = path.join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${snake}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lockPath = path.join(DEFAULT_MIGRATIONS_DIR, LOCKFILE_NAME);
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, LOCKFILE_CONTENT);
    console.log(rel(path.join(dir, "migration.sql")));
    return 0;
  },

  async status(url) {
    const s = await migrationStatus(url);
    const total = s.applied.length + s.pending.length;
    console.log(`${s.applied.length} applied, ${s.pending.length} pending (${rel(DEFAULT_MIGRATIONS_DIR)})`);
    const lines = [
      ["Pending", s.pending],
      ["Failed (repair the database by hand, then mark the migration rolled back or applied, as `prisma migrate resolve` does)", s.failed],
      ["Applied but missing from the migrations folder", s.unknown],
      ["Edited after being applied", s.edited],
    ];
    for (const [label, names] of lines) if (names.length) console.log(`${label}: ${names.join(", ")}`);
    const clean = lines.every(([, names]) => names.length === 0);
    if (clean) console.log(total ? "Database schema is up to date" : "No migrations found");
    return clean ? 0 : 1;
  },

  async drift(url) {
    const sql = await driftSql(url, { schemaPath: DEFAULT_SCHEMA_PATH });
    if (!sql) {
      console.log(`No drift: the database matches ${rel(DEFAULT_SCHEMA_PATH)}`);
      return 0;
    }
    console.log(`-- The database differs from ${rel(DEFAULT_SCHEMA_PATH)}; this SQL would make it match:\n${sql.trimEnd()}`);
    return 1;
  },
};

/** The engine's messages carry a Rust backtrace and blank lines: keep the message itself. */
function oneLine(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+: /.test(l) && !/^at /.test(l) && !/^\d*\s*\|/.test(l)) // span traces, code excerpts
    .map((l) => l.replace(/^-->\s*(.*)$/, "($1)"))
    .join(" ")
    .replace(/\s+/g, " ");
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!Object.hasOwn(commands, command ?? "")) {
    console.error(USAGE);
    return 2;
  }
  const name = args.join(" ");
  if (command === "migration" && !snakeCase(name)) {
    console.error(`Error: migration needs a name, e.g. "add_invoices". ${USAGE}`);
    return 2;
  }
  const db = await openDatabase();
  const stop = () => db.stop().catch((err) => info(`Could not stop the embedded PostgreSQL: ${oneLine(err)}`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => void stop().then(() => process.exit(130)));
  }
  try {
    return await commands[command](db.url, name);
  } finally {
    await stop();
  }
}

// The schema engine leaves a timer pending after applying migrations: exit explicitly.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Error: ${oneLine(err)}`);
    process.exit(1);
  },
);
