// Turns the measured scenarios into the table printed at the end of a run, the target verdicts
// and the JSON written to bench/results/latest.json.
import os from "node:os";

const fmt = (v, digits = 0) => (v === null || v === undefined ? "–" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(v));

/** Fills in each scenario's req/s relative to the bare server. */
export function addRatios(scenarios) {
  const bare = scenarios.bare?.rps;
  for (const s of Object.values(scenarios)) s.vsBare = bare ? Number((s.rps / bare).toFixed(3)) : null;
}

export function evaluateTargets(scenarios, statements) {
  const warm = scenarios.warmValidate;
  const cold = scenarios.coldValidate;
  const storm = scenarios.storm;
  const warmStatements = statements.warmValidate;
  const perValidate = warmStatements && warm.requests ? warmStatements.perRequestPath / warm.requests : null;
  return [
    { name: "warm validate req/s vs bare server (100 conns)", target: "≥ 50%", value: warm && `${(warm.vsBare * 100).toFixed(1)}%`, pass: warm ? warm.vsBare >= 0.5 : null },
    { name: "warm validate p99 (100 conns)", target: "≤ 10 ms", value: warm && `${warm.p99} ms`, pass: warm ? warm.p99 <= 10 : null },
    {
      name: "database statements per warm validate",
      target: "0",
      value: perValidate === null ? "not measured" : `${perValidate.toFixed(6)} (${warmStatements.perRequestPath} in ${warm.requests.toLocaleString("en-US")} validates)`,
      pass: perValidate === null ? null : warmStatements.perRequestPath === 0,
    },
    { name: "cold validate p99 (100 conns)", target: "≤ 50 ms", value: cold && `${cold.p99} ms`, pass: cold ? cold.p99 <= 50 : null },
    {
      name: `update storm (${storm?.connections ?? "?"} conns): errors / non-2xx`,
      target: "0 / 0",
      value: storm && `${storm.errors} / ${storm.non2xx} (timeouts ${storm.timeouts})`,
      pass: storm ? storm.errors === 0 && storm.non2xx === 0 : null,
    },
  ];
}

const LOAD_COLUMNS = [
  ["scenario", 22, (s) => s.label, "left"],
  ["conns", 6, (s) => fmt(s.connections)],
  ["requests", 9, (s) => fmt(s.requests)],
  ["req/s", 8, (s) => fmt(s.rps)],
  ["vs bare", 7, (s) => (s.vsBare === null ? "–" : `${(s.vsBare * 100).toFixed(1)}%`)],
  ["p50 ms", 8, (s) => fmt(s.p50, 2)],
  ["p99 ms", 8, (s) => fmt(s.p99, 2)],
  ["max ms", 8, (s) => fmt(s.max, 0)],
  ["errors", 6, (s) => fmt(s.errors)],
  ["t/o", 5, (s) => fmt(s.timeouts)],
  ["non2xx", 6, (s) => fmt(s.non2xx)],
];

const COST_COLUMNS = [
  ["scenario", 22, (s) => s.label, "left"],
  ["server µs/req", 13, (s) => fmt(s.serverCpuUsPerReq)],
  ["loadgen µs/req", 14, (s) => fmt(s.loadgenCpuUsPerReq)],
  ["DB stmts/req", 12, (s) => (s.statementsPerRequest === undefined ? "–" : fmt(s.statementsPerRequest, 3))],
  ["server log warn/err", 19, (s) => (s.serverLog ? `${fmt(s.serverLog.warn)}/${fmt(s.serverLog.error)}` : "–")],
  ["listen overflows", 16, (s) => fmt(s.tcp?.listenOverflows)],
  ["others' CPU", 11, (s) => (s.otherCpuPct === null || s.otherCpuPct === undefined ? "–" : `${s.otherCpuPct}%`)],
];

function table(columns, rows) {
  const cell = (text, width, align) => (align === "left" ? text.padEnd(width) : text.padStart(width));
  const lines = [columns.map(([h, w, , a]) => cell(h, w, a)).join("  ")];
  lines.push(columns.map(([, w]) => "─".repeat(w)).join("  "));
  for (const s of rows) lines.push(columns.map(([, w, get, a]) => cell(get(s), w, a)).join("  "));
  return lines;
}

/** Copies each scenario's statements per request (besides background work) onto it. */
export function addStatementRates(scenarios, statements) {
  for (const [name, s] of Object.entries(scenarios)) {
    const st = statements[name];
    if (st && s.requests) s.statementsPerRequest = Number((st.perRequestPath / s.requests).toFixed(4));
  }
}

export function scenarioTable(scenarios) {
  const rows = Object.values(scenarios);
  const lines = [...table(LOAD_COLUMNS, rows), "", ...table(COST_COLUMNS, rows)];
  const codeLines = rows
    .filter((s) => s.codes && Object.keys(s.codes).length)
    .map((s) => `  ${s.label}: ${Object.entries(s.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n.toLocaleString("en-US")}`).join(", ")}`);
  const sampleLines = rows.filter((s) => s.sampleCodes).map((s) => `  ${s.label} (200 validates sent after it): ${Object.entries(s.sampleCodes).map(([c, n]) => `${c} ${n}`).join(", ")}`);
  if (codeLines.length || sampleLines.length) lines.push("", "Answer codes:", ...codeLines, ...sampleLines);
  return lines.join("\n");
}

export function statementsTable(statements) {
  const lines = [];
  for (const [name, s] of Object.entries(statements)) {
    if (!s) continue;
    const kinds = Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    const per = s.requests ? ` → ${(s.perRequestPath / s.requests).toFixed(4)} per request (besides background)` : "";
    lines.push(`  ${name}: ${s.total} statements (${kinds})${per}`);
  }
  return lines.join("\n");
}

export function targetsTable(targets) {
  return targets
    .map((t) => `  ${t.pass === null ? "n/a   " : t.pass ? "PASS  " : "MISSED"}  ${t.name}: ${t.value ?? "–"} (target ${t.target})`)
    .join("\n");
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
