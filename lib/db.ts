import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;

// Connections per process. The licensing API's cache misses are single statements on this same
// pool (getPgPool), so it is sized for a burst of misses, not for long transactions.
const POOL_MAX = 10;

const globalForDb = globalThis as unknown as { keyfrontDb?: PrismaClient; keyfrontPool?: pg.Pool };

function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  // An idle connection the server closed must not take the process down; the pool replaces it.
  pool.on("error", () => undefined);
  return pool;
}

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(url), { disposeExternalPool: true }) });
}

/** The pool behind the app's Prisma client: for the few hot-path reads that skip Prisma. */
export function getPgPool(): pg.Pool {
  // $disconnect() ends the pool; a later query gets a new one (Prisma reconnects the same way).
  if (!globalForDb.keyfrontPool || globalForDb.keyfrontPool.ended) globalForDb.keyfrontPool = createPool(getEnv().DATABASE_URL);
  return globalForDb.keyfrontPool;
}

/** The app's Prisma client; one per process (survives dev hot reloads). */
export function getDb(): PrismaClient {
  globalForDb.keyfrontDb ??= new PrismaClient({ adapter: new PrismaPg(getPgPool(), { disposeExternalPool: true }) });
  return globalForDb.keyfrontDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_t, key) => {
    const client = getDb();
    const value = client[key as keyof PrismaClient];
    return typeof value === "function" ? value.bind(client) : value;
  },
});
