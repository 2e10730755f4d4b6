// Counts the statements the bench database executed between two snapshots of
// pg_stat_statements, read over a separate connection to another database (so the benchmark's
// own reads are never counted), and sorts them into what caused them.
import pg from "pg";
import { onCleanup } from "./cleanup.mjs";

const KINDS = [
  ["lastSeenFlush", /UPDATE "Activation" AS a SET "lastSeenAt"/i, true],
  ["deadActivationSweep", /SET "status" = 'DEAD'/i, true],
  ["emailSweep", /"Email"/, true],
  ["signingKey", /"SigningKey"|pg_advisory_xact_lock/i, true],
  ["transactionControl", /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i, false],
];

/** Background work that runs on a timer, not per request. */
const BACKGROUND = new Set(KINDS.filter(([, , background]) => background).map(([kind]) => kind));

export function classify(query) {
  for (const [kind, pattern] of KINDS) if (pattern.test(query)) return kind;
  return "request";
}

export async function statementCounter(adminUrl, dbName) {
  const client = new pg.Client(adminUrl);
  client.on("error", () => {}); // the server stopping at the end of a run
  await client.connect();
  onCleanup(() => client.end().catch(() => {}));
  const snapshot = async () => {
    const { rows } = await client.query(
      `SELECT s.queryid::text AS id, s.query, s.calls::float8 AS calls
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1`,
      [dbName],
    );
    return new Map(rows.map((r) => [r.id, { query: r.query, calls: Number(r.calls) }]));
  };
  return {
    snapshot,
    /** Statements executed since `before`: totals by kind and the busiest statements. */
    async since(before) {
      const after = await snapshot();
      const byKind = {};
      const top = [];
      let total = 0;
      let background = 0;
      for (const [id, { query, calls }] of after) {
        const delta = calls - (before.get(id)?.calls ?? 0);
        if (delta <= 0) continue;
        const kind = classify(query);
        byKind[kind] = (byKind[kind] ?? 0) + delta;
        total += delta;
        if (BACKGROUND.has(kind)) background += delta;
        top.push({ calls: delta, kind, query: query.replace(/\s+/g, " ").slice(0, 160) });
      }
      // BEGIN/COMMIT cannot be told apart by their text: in a phase where no request caused a
      // statement, they can only be the background work's own transactions.
      if (byKind.transactionControl && !Object.keys(byKind).some((k) => k !== "transactionControl" && !BACKGROUND.has(k))) {
        background += byKind.transactionControl;
      }
      top.sort((a, b) => b.calls - a.calls);
      return { total, background, perRequestPath: total - background, byKind, top: top.slice(0, 8) };
    },
  };
}
