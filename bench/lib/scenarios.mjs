// The scenarios of one run, in order. Each returns the load figures plus what it caused in the
// database (statements) and in the server's log (warnings, errors).
import { spawnSync } from "node:child_process";
import { codeCounter, fixedRequests, measure, rotatingRequest } from "./load.mjs";
import { freePort, startBare } from "./processes.mjs";

export const VALIDATE = "/api/v1/licenses/validate";
const ACTIVATE = "/api/v1/licenses/activate";

export const validateBody = (l, j = 0) => JSON.stringify({ key: l.key, fingerprint: l.fingerprints[j % l.fingerprints.length] });

async function post(base, urlPath, body) {
  const res = await fetch(base + urlPath, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, text: await res.text() };
}

/** Sends each body once (a few at a time) and counts the answer codes. */
export async function sendEach(base, urlPath, bodies, concurrency = 32) {
  const codes = {};
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const { text, status } = await post(base, urlPath, bodies[next++]);
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? `HTTP_${status}`;
      codes[code] = (codes[code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return codes;
}

const sample = (items, n) => Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);

/** Hands out `items` in order across all connections, each once (wraps when exhausted). */
function rotation(items, toRequest) {
  let i = 0;
  return () => toRequest(items[i++ % items.length]);
}

function openFileLimit() {
  const out = spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout?.trim();
  return out === "unlimited" ? Infinity : Number(out) || null;
}

/**
 * First validate of the run: proves the seeded keys hash like the server's, and gives the body
 * the bare server answers with.
 */
export async function firstValidate(base, license) {
  const first = await post(base, VALIDATE, validateBody(license));
  if (!first.text.includes('"code":"VALID"')) {
    throw new Error(`A seeded license does not validate (HTTP ${first.status}): ${first.text.slice(0, 300)}\n` +
      "The bench's key hashes or seed rows no longer match what the API expects.");
  }
  return first.text;
}

/**
 * @param {{ server, seeded, config, counter, step, log, firstBody: string }} ctx
 * @returns {Promise<{ scenarios: Record<string, object>, statements: Record<string, object | null> }>}
 */
export async function runScenarios({ server, seeded, config, counter, step, log, firstBody }) {
  const scenarios = {};
  const statements = {};
  const base = { url: server.base, connections: config.connections, serverPid: server.pid };
  const warm = seeded.pools.warm;
  const warmBodies = warm.map((l, i) => validateBody(l, i));

  /** Runs one measured phase; records its statements and the server log lines it caused. */
  const phase = async (name, label, run, extra = async () => ({})) => {
    const before = counter && (await counter.snapshot());
    const logBefore = { warn: server.output.counts.warn ?? 0, error: server.output.counts.error ?? 0 };
    const result = await run();
    const more = await extra();
    statements[name] = counter ? { ...(await counter.since(before)), requests: result.requests } : null;
    const serverLog = { warn: (server.output.counts.warn ?? 0) - logBefore.warn, error: (server.output.counts.error ?? 0) - logBefore.error };
    scenarios[name] = { label, ...result, ...more, serverLog };
  };
  // A license stays in the server's local cache for 60 s after loading: prime the warm set right
  // before each warm phase, so the phase runs inside that window.
  const prime = async () => {
    step(`priming ${warm.length.toLocaleString("en-US")} warm licenses (one validate each)…`);
    const primed = await sendEach(server.base, VALIDATE, warmBodies);
    if (Object.keys(primed).some((c) => c !== "VALID")) throw new Error(`Priming answered ${JSON.stringify(primed)}`);
  };
  const sampleWarm = async () => ({ sampleCodes: await sendEach(server.base, VALIDATE, sample(warmBodies, 200), 8) });

  step(`bare node:http server answering the ${Buffer.byteLength(firstBody)}-byte body of a real validate answer…`);
  const bare = await startBare({ port: await freePort(), body: firstBody });
  const bareRequests = fixedRequests(VALIDATE, warmBodies);
  step(`bare server: warmup ${config.warmupSeconds} s, then ${config.seconds} s at ${config.connections} connections…`);
  const bareBase = { ...base, url: bare.base, serverPid: bare.child.pid };
  await measure({ ...bareBase, duration: config.warmupSeconds, requests: bareRequests });
  scenarios.bare = { label: "bare node:http", ...(await measure({ ...bareBase, duration: config.seconds, requests: bareRequests })) };

  await prime();
  step(`validate warm (${warm.length} cached licenses): warmup ${config.warmupSeconds} s, then ${config.seconds} s…`);
  const warmRequests = fixedRequests(VALIDATE, warmBodies);
  await measure({ ...base, duration: config.warmupSeconds, requests: warmRequests });
  await phase("warmValidate", "validate warm", () => measure({ ...base, duration: config.seconds, requests: warmRequests }), sampleWarm);

  const { cold } = seeded.pools;
  const coldAmount = Math.min(config.cold.amount, cold.length - 2 * config.connections);
  step(`validate cold: up to ${coldAmount.toLocaleString("en-US")} never-validated licenses, each once (≤ ${config.cold.maxSeconds} s)…`);
  const coldCodes = codeCounter();
  const coldNext = rotation(cold, (l) => ({ body: validateBody(l) }));
  await phase(
    "coldValidate",
    "validate cold",
    () => measure({ ...base, amount: coldAmount, maxSeconds: config.cold.maxSeconds, requests: [rotatingRequest({ path: VALIDATE, next: coldNext, codes: coldCodes })] }),
    async () => ({ codes: coldCodes.counts }),
  );

  const activateTasks = [];
  for (let j = 0; j < 4; j++) {
    for (const l of seeded.pools.activate) {
      if (l.fingerprints.length + j < config.seats) activateTasks.push({ key: l.key, fingerprint: `${l.fingerprints[0]}-new-${j}` });
    }
  }
  step(`activate: ${activateTasks.length.toLocaleString("en-US")} new devices on licenses with free seats, ${config.seconds} s…`);
  const activateCodes = codeCounter();
  const activateNext = rotation(activateTasks, (t) => ({ body: JSON.stringify({ ...t, label: "bench machine" }) }));
  await phase(
    "activate",
    "activate (new device)",
    () => measure({ ...base, duration: config.seconds, requests: [rotatingRequest({ path: ACTIVATE, next: activateNext, codes: activateCodes })] }),
    async () => ({ codes: activateCodes.counts }),
  );

  const hbPool = seeded.pools.heartbeat;
  step(`heartbeat: priming ${hbPool.length} licenses, warmup 2 s, then ${config.seconds} s over their activations…`);
  await sendEach(server.base, VALIDATE, hbPool.map((l) => validateBody(l)));
  const beats = hbPool.flatMap((l) => l.activationIds.map((id) => ({ key: l.key, id })));
  const hbCodes = codeCounter();
  const hbNext = rotation(beats, (b) => ({ path: `/api/v1/activations/${b.id}/heartbeat`, body: JSON.stringify({ key: b.key }) }));
  await measure({ ...base, duration: 2, requests: [rotatingRequest({ path: "/", next: hbNext })] });
  await phase(
    "heartbeat",
    "heartbeat",
    () => measure({ ...base, duration: config.seconds, requests: [rotatingRequest({ path: "/", next: hbNext, codes: hbCodes })] }),
    async () => ({ codes: hbCodes.counts }),
  );

  const limit = openFileLimit();
  const stormConnections = Math.min(config.storm.connections, limit ? limit - 1000 : config.storm.connections);
  if (stormConnections < config.storm.connections) log(`  NOTE: ulimit -n is ${limit}; the storm uses ${stormConnections} connections (raise it with \`ulimit -n 20000\`).`);
  await prime();
  step(`update storm: validate warm at ${stormConnections.toLocaleString("en-US")} connections for ${config.storm.seconds} s (no warmup: connecting is part of it)…`);
  const stormNext = rotation(warmBodies, (body) => ({ body }));
  await phase(
    "storm",
    `storm (${stormConnections} conns)`,
    () => measure({ url: server.base, serverPid: server.pid, connections: stormConnections, duration: config.storm.seconds, requests: [rotatingRequest({ path: VALIDATE, next: stormNext })] }),
    sampleWarm,
  );
  return { scenarios, statements, stormConnections };
}
