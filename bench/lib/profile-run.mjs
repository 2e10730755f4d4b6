// `npm run bench -- --profile[=warm|cold]`: one validate scenario with the server under
// node --cpu-prof; prints where the server's CPU went per request (see profile-summary.mjs).
import fs from "node:fs";
import path from "node:path";
import { fixedRequests, measure, rotatingRequest } from "./load.mjs";
import { ROOT } from "./processes.mjs";
import { sendEach, validateBody, VALIDATE } from "./scenarios.mjs";
import { summarizeProfile } from "../profile-summary.mjs";

export const PROFILE_POOLS = { warm: { warm: 2000 }, cold: { warm: 1, cold: 20_000 } };

export async function runProfile({ kind, server, seeded, profileDir, config, step, log }) {
  const base = { url: server.base, connections: config.connections, serverPid: server.pid };
  let run;
  if (kind === "cold") {
    const cold = seeded.pools.cold;
    let i = 0;
    const next = () => ({ body: validateBody(cold[i++]) });
    const warmup = 1000;
    step(`profiling validate cold: ${warmup} requests of warmup, then up to ${(cold.length - warmup - 2 * config.connections).toLocaleString("en-US")} never-validated licenses…`);
    await measure({ ...base, amount: warmup, requests: [rotatingRequest({ path: VALIDATE, next })] });
    run = () => measure({ ...base, amount: cold.length - warmup - 2 * config.connections, maxSeconds: config.seconds, requests: [rotatingRequest({ path: VALIDATE, next })] });
  } else {
    const bodies = seeded.pools.warm.map((l, i) => validateBody(l, i));
    const requests = fixedRequests(VALIDATE, bodies);
    step(`priming ${bodies.length.toLocaleString("en-US")} warm licenses, then profiling validate warm: warmup ${config.warmupSeconds} s, ${config.seconds} s…`);
    await sendEach(server.base, VALIDATE, bodies);
    await measure({ ...base, duration: config.warmupSeconds, requests });
    run = () => measure({ ...base, duration: config.seconds, requests });
  }
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const r = await run();
  const toUs = Number(process.hrtime.bigint() / 1000n);
  log(`  ${r.requests.toLocaleString("en-US")} requests, ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server ${r.serverCpuUsPerReq} µs CPU/request, others' CPU ${r.otherCpuPct}% (the profiler slows the server down)`);
  await server.stop();
  const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile written in ${profileDir}`);
  log("");
  log(summarizeProfile(path.join(profileDir, file), r.requests, { fromUs, toUs }));
  log(`\nProfile: ${path.relative(ROOT, path.join(profileDir, file))} (open in Chrome DevTools → Performance)`);
}
