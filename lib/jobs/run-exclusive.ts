import { db } from "@/lib/db";

// Runs a job on at most one instance at a time: a transaction-scoped Postgres advisory lock is held
// for the whole run by a transaction that stays open while the job works on other connections. An
// instance that does not get the lock skips this round (it does not wait).

const JOB_TX_OPTIONS = { maxWait: 10_000, timeout: 10 * 60_000 } as const;

export async function runExclusive<T>(name: string, job: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`keyfront-job:${name}`}, 0)) AS "locked"`;
    if (!rows[0]?.locked) return { ran: false as const };
    return { ran: true as const, result: await job() };
  }, JOB_TX_OPTIONS);
}
