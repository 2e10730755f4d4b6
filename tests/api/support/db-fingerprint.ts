// Row counts and content checksums of the licensing tables, to prove a run of requests changed nothing.
import { db } from "@/lib/db";

// ApiKey.lastUsedAt is touched (at most once a minute) by every authenticated call: that is
// bookkeeping, not a change, so it is left out of the ApiKey checksum.
const TABLES: Record<string, string> = {
  License: `t::text`,
  Activation: `t::text`,
  ActivationRelease: `t::text`,
  AuditLog: `t::text`,
  ApiKey: `(to_jsonb(t) - 'lastUsedAt')::text`,
  Plan: `t::text`,
  Product: `t::text`,
  User: `t::text`,
};

export type DbFingerprint = Record<string, { rows: number; md5: string }>;

export async function dbFingerprint(): Promise<DbFingerprint> {
  const out: DbFingerprint = {};
  for (const [table, row] of Object.entries(TABLES)) {
    const [r] = await db.$queryRawUnsafe<{ rows: number; md5: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(${row}, '|' ORDER BY id)) AS md5 FROM "${table}" t`,
    );
    out[table] = { rows: r!.rows, md5: r!.md5 ?? "" };
  }
  return out;
}
