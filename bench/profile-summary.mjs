// Summarizes a V8 .cpuprofile of the Keyfront server: CPU per request by source area (bundle
// lines mapped back to lib/… through the bundle's source map) and inclusive time of the steps of
// a licensing request. Usage: node bench/profile-summary.mjs <file.cpuprofile> [requests]
import fs from "node:fs";
import path from "node:path";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

// Steps of a validate request, by the function names in lib/ (inclusive time: the step and all it calls).
const STEPS = [
  ["dispatch (whole request in the fast path)", "dispatch"],
  ["readBody (request body)", "readBody"],
  ["runEndpoint (endpoint incl. below)", "runEndpoint"],
  ["parseBody (JSON.parse + zod + text checks)", "parseBody"],
  ["parseInput (zod)", "parseInput"],
  ["assertStorableText", "assertStorableText"],
  ["guard (rate limiter + address block)", "guard"],
  ["keyHashOf (lookup-hash cache / HMAC)", "keyHashOf"],
  ["validateLicense (cache lookup + rules)", "validateLicense"],
  ["getLicenseSnapshot", "getLicenseSnapshot"],
  ["loadAndStore (cache miss: database read)", "loadAndStore"],
  ["loadLicenseSnapshot (one SQL statement)", "loadLicenseSnapshot"],
  ["lookupHash (HMAC of a new key)", "lookupHash"],
  ["evaluateValidation", "evaluateValidation"],
  ["decide (response views)", "decide"],
  ["noteActivationSeen", "noteActivationSeen"],
  ["respondDecision (message + receipt)", "respondDecision"],
  ["signReusableReceipt (reuse or Ed25519)", "signReusableReceipt"],
  ["signToken (Ed25519 signing)", "signToken"],
  ["getActiveSigningKey", "getActiveSigningKey"],
  ["decisionMessage (localized text)", "decisionMessage"],
  ["localeFromAcceptLanguage", "localeFromAcceptLanguage"],
  ["send (JSON.stringify + writeHead + end)", "send"],
  ["newRequestId (randomUUID)", "newRequestId"],
];

function sourceMapFor(url) {
  if (!url.startsWith("file://")) return null;
  const file = fileURLToPath(url);
  const mapFile = `${file}.map`;
  if (!fs.existsSync(mapFile)) return null;
  return { map: new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8"))), dir: path.dirname(mapFile) };
}

function areaOf(frame, maps) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : `(native) ${functionName || "anonymous"}`;
  if (url.startsWith("node:")) return url;
  if (!maps.has(url)) maps.set(url, sourceMapFor(url));
  const sm = maps.get(url);
  if (sm) {
    const entry = sm.map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      const abs = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : path.resolve(sm.dir, entry.originalSource);
      return packageArea(path.relative(process.cwd(), abs));
    }
  }
  return packageArea(url.startsWith("file://") ? path.relative(process.cwd(), fileURLToPath(url)) : url);
}

function packageArea(file) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return m ? `npm:${m[1]}` : file;
}

/**
 * Returns the summary as text. `window` ({ fromUs, toUs }, monotonic clock in µs, the clock both
 * V8's profiler and process.hrtime use) keeps only the samples taken while the load ran.
 */
export function summarizeProfile(file, requests, window) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  if (window) {
    let t = profile.startTime;
    const samples = [];
    const deltas = [];
    let last = null;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i] ?? 0;
      if (t < window.fromUs || t > window.toUs) return;
      samples.push(id);
      deltas.push(last === null ? 0 : t - last);
      last = t;
    });
    profile.samples = samples;
    profile.timeDeltas = deltas;
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const maps = new Map();
  const selfByNode = new Map();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const byArea = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfByNode) {
    const frame = nodes.get(id).callFrame;
    total += us;
    if (frame.functionName === "(idle)") idle += us;
    const area = areaOf(frame, maps);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const fn = `${frame.functionName || "(anonymous)"}  [${area}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nodes.get(cur).callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const n = Number(requests) || null;
  const per = (us) => (n ? `${(us / n).toFixed(1).padStart(7)} µs/req` : "");
  const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const top = (map, count) => [...map].filter(([k]) => k !== "(idle)" && !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, count);

  const lines = [
    `CPU profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%)` +
      (n ? `, ${n.toLocaleString("en-US")} requests → ${(busy / n).toFixed(1)} µs of server CPU per request` : ""),
    "",
    "Self time by area (share of busy time):",
    ...top(byArea, 18).map(([k, us]) => `  ${pct(us)} ${per(us)}  ${k}`),
    "",
    "Inclusive time of the request's steps:",
    ...STEPS.filter(([, fn]) => inclusive.has(fn)).map(([label, fn]) => `  ${pct(inclusive.get(fn))} ${per(inclusive.get(fn))}  ${label}`),
    "",
    "Top functions by self time:",
    ...top(byFunction, 20).map(([k, us]) => `  ${pct(us)} ${per(us)}  ${k}`),
  ];
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [file, requests] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node bench/profile-summary.mjs <file.cpuprofile> [requests]");
    process.exit(1);
  }
  console.log(summarizeProfile(file, requests));
}
