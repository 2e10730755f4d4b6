// The processes a benchmark run starts: the production build, the Keyfront server and the bare
// node:http server it is compared with. Each child is stopped through the cleanup registry.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { onCleanup, onExit, onSignal } from "./cleanup.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SERVER_BUNDLE = path.join(ROOT, ".next", "keyfront-server.mjs");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function newestSource(dirs) {
  let newest = { file: null, mtime: 0 };
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx|mts|mjs|json)$/.test(entry.name)) {
        const mtime = fs.statSync(full).mtimeMs;
        if (mtime > newest.mtime) newest = { file: full, mtime };
      }
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return newest;
}

/**
 * Makes sure the production build exists (runs `npm run build` when it does not, or when
 * `force`). Returns a warning when sources are newer than the build (the run measures the build).
 */
export function ensureBuild({ force = false } = {}) {
  if (force || !fs.existsSync(SERVER_BUNDLE)) {
    console.log(force ? "Building (--build)…" : "No production build (.next/keyfront-server.mjs): running `npm run build`…");
    const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) throw new Error("`npm run build` failed");
    return null;
  }
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  const newest = newestSource(["lib", "scripts/server", "app/api"]);
  if (newest.mtime > built) {
    return `the build is older than ${path.relative(ROOT, newest.file)}: this run measures the last build (npm run bench -- --build rebuilds first)`;
  }
  return null;
}

/**
 * Keeps what a child prints: the last lines (shown when it fails), counts by level, and each
 * distinct log message once (level + msg + error message) with how often it came.
 */
function captureOutput(child, label) {
  const lines = [];
  const counts = { total: 0 };
  const distinct = new Map();
  const takeLines = (text) => {
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      counts.total++;
      let level = "other";
      let signature = line.slice(0, 160);
      try {
        const entry = JSON.parse(line);
        level = entry.level ?? level;
        signature = `${level}: ${entry.msg}${entry.err?.message ? ` — ${entry.err.message}` : ""}${entry.err?.code ? ` (${entry.err.code})` : ""}`;
      } catch {
        /* not a JSON log line */
      }
      counts[level] = (counts[level] ?? 0) + 1;
      const seen = distinct.get(signature);
      if (seen) seen.count++;
      else distinct.set(signature, { count: 1, first: line.slice(0, 3000) });
      lines.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (lines.length > 200) lines.shift();
    }
  };
  // A chunk may end inside a line: keep the rest of each stream until its newline arrives.
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk) => {
      const text = rest + chunk.toString("utf8");
      const cut = text.lastIndexOf("\n");
      rest = text.slice(cut + 1);
      if (cut >= 0) takeLines(text.slice(0, cut));
    });
    stream?.on("end", () => rest && takeLines(rest));
  }
  const messages = () => [...distinct].sort((a, b) => b[1].count - a[1].count).map(([signature, v]) => ({ signature, ...v }));
  return { label, lines, counts, messages };
}

function stopChild(child, signal = "SIGTERM", graceMs = 8000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

async function waitForHttp(base, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${output.label} exited (${child.exitCode}):\n${output.lines.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${base}/api/v1/licenses/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${output.label} did not answer within ${timeoutMs / 1000} s:\n${output.lines.slice(-30).join("\n")}`);
}

/** Starts `node .next/keyfront-server.mjs` (NODE_ENV=production) and waits until it answers. */
export async function startKeyfront({ port, env, nodeFlags = [] }) {
  const child = spawn(process.execPath, [...nodeFlags, SERVER_BUNDLE], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureOutput(child, "keyfront server");
  const stop = onCleanup(() => stopChild(child));
  const term = () => child.exitCode === null && child.signalCode === null && child.kill("SIGTERM");
  onSignal(term);
  onExit(term);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(base, child, output, 90_000);
  return { base, child, output, stop, pid: child.pid };
}

/** Starts the bare node:http server answering `body` to every request. */
export async function startBare({ port, body }) {
  const child = spawn(process.execPath, [path.join(ROOT, "bench", "bare-server.mjs")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, BENCH_BARE_PORT: String(port), BENCH_BARE_BODY: body },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureOutput(child, "bare server");
  onCleanup(() => stopChild(child, "SIGTERM", 2000));
  const term = () => child.exitCode === null && child.signalCode === null && child.kill("SIGTERM");
  onSignal(term);
  onExit(term);
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => d.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code}): ${output.lines.join("\n")}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, output };
}
