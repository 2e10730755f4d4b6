// PostgreSQL driver adapter for Keyfront's migration engine (the Prisma schema engine compiled to
// WebAssembly, see wasm.mjs). It is @prisma/adapter-pg 7.10.1 with the corrections the schema engine
// needs:
//   1. catalog columns of type "char" (OID 18), which adapter-pg refuses to decode, are described
//      as text to adapter-pg and handed to the engine as Character (it reads pg_constraint.contype
//      as a single character; as Text it panics on PostgreSQL 18's NOT NULL constraint rows);
//   2. executeScript sends the whole script as one simple-protocol query (one connection, one
//      implicit transaction), as the native engine does, instead of splitting it on ";" across
//      connections (which breaks $$ bodies and leaves half-applied migrations);
//   3. the shadow database is a temporary database created on the same server, whose pool is ended
//      before it is dropped (adapter-pg's own connects to the main database when given a URL);
//   4. every pool is tracked and ended by close(), whatever the engine disposed of.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const PG_CHAR = 18;
const PG_TEXT = 25;
/** set on a result's rows array: indexes of the columns that were "char" */
const CHAR_COLUMNS = Symbol("keyfront.charColumns");

function charAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (r?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR) return;
      field.dataTypeID = PG_TEXT;
      charColumns.push(i);
    });
    if (charColumns.length && Array.isArray(r.rows)) r.rows[CHAR_COLUMNS] = charColumns;
  }
  return result;
}

// The engine reads some "char" catalog columns as single characters (pg_constraint.contype, where
// PostgreSQL 18 adds NOT NULL constraints): hand them over as Character, not Text.
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of result.rows[CHAR_COLUMNS] ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** pg.Client whose results describe "char" columns as text (the values are strings either way). */
export class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : charAsText(res)));
    }
    return super.query(config, values).then(charAsText);
  }
}

/** The same connection string pointed at another database on the same server. */
export function withDatabase(databaseUrl, database) {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function adminQuery(databaseUrl, sql) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

// Pools live for one operation and are ended explicitly. Idle connections are never closed on a
// timer: the one holding the engine's advisory lock (pg_advisory_lock, as prisma migrate deploy
// takes) must stay open until the operation ends.
const poolConfig = (connectionString) => ({ connectionString, Client: CharAsTextClient, max: 4, idleTimeoutMillis: 0 });

class KeyfrontPgFactory extends PrismaPg {
  /** @param {string} databaseUrl */
  constructor(databaseUrl) {
    super(poolConfig(databaseUrl));
    this.databaseUrl = databaseUrl;
    /** every pool handed to the engine, ended by close() whatever the engine did with it */
    this.pools = new Set();
    /** shadow databases not yet dropped */
    this.shadows = new Set();
    /** @type {(Error & { code?: string, position?: string }) | undefined} */
    this.lastScriptError = undefined;
  }

  async connect() {
    return this.#track(await super.connect());
  }

  async connectToShadowDb() {
    const name = `keyfront_shadow_${randomBytes(8).toString("hex")}`;
    try {
      await adminQuery(this.databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    } catch (err) {
      throw new Error(`Cannot create the temporary shadow database ${name}: ${err.message}`);
    }
    this.shadows.add(name);
    const shadow = new PrismaPg(poolConfig(withDatabase(this.databaseUrl, name)));
    const adapter = this.#track(await shadow.connect());
    const endPool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await endPool();
      await this.#dropShadow(name);
    };
    return adapter;
  }

  #track(adapter) {
    const pool = adapter.underlyingDriver();
    this.pools.add(pool);
    const release = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!this.pools.delete(pool)) return;
      await release();
    };
    adapter.executeScript = async (script) => {
      this.lastScriptError = undefined;
      try {
        await pool.query(script);
      } catch (err) {
        // the engine reports some errors in its own words ("No such table: X"): keep PostgreSQL's
        this.lastScriptError = err;
        adapter.onError(err);
      }
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
    return withCharColumns(adapter);
  }

  async #dropShadow(name) {
    if (!this.shadows.delete(name)) return;
    await adminQuery(this.databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }

  /** Ends every pool the engine did not dispose of, then drops leftover shadow databases. */
  async close() {
    const pools = [...this.pools];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.end()));
    for (const name of [...this.shadows]) await this.#dropShadow(name).catch(() => {});
  }
}

/**
 * Adapter factory for SchemaEngine.new, plus close() to release everything it opened.
 * @param {string} databaseUrl
 */
export function createAdapterFactory(databaseUrl) {
  const factory = new KeyfrontPgFactory(databaseUrl);
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    close: () => factory.close(),
    /** the PostgreSQL error of the last script (migration) that failed, if any */
    lastScriptError: () => factory.lastScriptError,
  };
}
