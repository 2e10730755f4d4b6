// One load scenario through autocannon's programmatic API. Latency percentiles come from this
// module's own 10 µs histogram (autocannon's own one has 1 ms steps, too coarse for a fast path).
import autocannon from "autocannon";
import { processCpuUs, startCpuShare } from "./cpu-share.mjs";
import { startTcpStats } from "./tcp-stats.mjs";

const BUCKET_US = 10;
const MAX_BUCKETS = 2_000_000; // 20 s

class LatencyHistogram {
  counts = new Uint32Array(MAX_BUCKETS + 1);
  total = 0;
  max = 0;

  record(ms) {
    const bucket = Math.min(MAX_BUCKETS, Math.floor((ms * 1000) / BUCKET_US));
    this.counts[bucket]++;
    this.total++;
    if (ms > this.max) this.max = ms;
  }

  /** The latency (ms) below which `p` percent of the responses were. */
  percentile(p) {
    if (this.total === 0) return null;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let i = 0; i <= MAX_BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return ((i + 1) * BUCKET_US) / 1000;
    }
    return this.max;
  }
}

const CODE = /"code":"([A-Z_]+)"/;

/** Counts the first "code" of each answer (the decision code, or the error code). */
export function codeCounter() {
  const counts = {};
  return {
    counts,
    onResponse(status, body) {
      const code = CODE.exec(body)?.[1] ?? `HTTP_${status}`;
      counts[code] = (counts[code] ?? 0) + 1;
    },
  };
}

/** A request whose body comes from `next()` each time it is sent (shared by all connections). */
export function rotatingRequest({ method = "POST", path, next, codes }) {
  return {
    method,
    headers: { "content-type": "application/json" },
    setupRequest(req) {
      const { path: p, body } = next();
      return { ...req, path: p ?? path, body };
    },
    ...(codes ? { onResponse: codes.onResponse } : {}),
  };
}

/** Fixed requests, built once: each connection cycles through them. */
export function fixedRequests(path, bodies) {
  return bodies.map((body) => ({ method: "POST", path, headers: { "content-type": "application/json" }, body }));
}

/**
 * Runs autocannon and returns the figures the report needs.
 * Pass `duration` (s), or `amount` (total requests) with `maxSeconds` as a bound.
 */
export async function measure({ url, connections, duration, amount, maxSeconds, requests, serverPid, timeoutSec = 10 }) {
  const histogram = new LatencyHistogram();
  const otherCpu = startCpuShare();
  const tcp = startTcpStats();
  const serverCpuBefore = processCpuUs(serverPid);
  const loadgenCpuBefore = process.cpuUsage();
  const instance = autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout: timeoutSec,
    requests,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  });
  const startedAt = performance.now();
  let lastAt = startedAt;
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    histogram.record(responseTime);
    lastAt = performance.now();
  });
  const bound = amount && maxSeconds ? setTimeout(() => instance.stop(), maxSeconds * 1000) : undefined;
  const result = await instance;
  clearTimeout(bound);
  const total = result.requests.total;
  const serverCpuAfter = processCpuUs(serverPid);
  const loadgenCpu = process.cpuUsage(loadgenCpuBefore);
  // From the start to the last answer: autocannon's own duration runs on to its next 1 s tick.
  const seconds = (lastAt - startedAt) / 1000 || result.duration;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    connections,
    seconds: round(seconds, 2),
    requests: total,
    rps: round(total / seconds, 0),
    p50: histogram.percentile(50),
    p90: histogram.percentile(90),
    p99: histogram.percentile(99),
    max: round(histogram.max, 2),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    otherCpuPct: otherCpu(),
    tcp: tcp(),
    // CPU per answer, independent of how busy the machine was: the server process (its own
    // threads included; the database's processes not) and this process (the load generator).
    serverCpuUsPerReq: serverCpuBefore === null || serverCpuAfter === null || !total ? null : round((serverCpuAfter - serverCpuBefore) / total, 1),
    loadgenCpuUsPerReq: total ? round((loadgenCpu.user + loadgenCpu.system) / total, 1) : null,
  };
}

export const round = (n, digits) => (n === null || n === undefined ? n : Number(n.toFixed(digits)));
