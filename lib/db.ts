import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = PrismaClient | Tx;

const globalForDb = globalThis as unknown as { keyfrontDb?: PrismaClient };

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

/** The app's Prisma client; one per process (survives dev hot reloads). */
export function getDb(): PrismaClient {
  globalForDb.keyfrontDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.keyfrontDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_t, key) => {
    const client = getDb();
    const value = client[key as keyof PrismaClient];
    return typeof value === "function" ? value.bind(client) : value;
  },
});
