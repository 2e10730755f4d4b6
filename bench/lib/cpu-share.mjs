// How much of the machine's CPU went to processes outside this benchmark (other jobs, the
// hypervisor's steal time) while a scenario ran: a high share means that scenario's figures are
// low and noisy. Linux only (reads /proc); elsewhere it reports nothing.
import fs from "node:fs";
import os from "node:os";

const HZ = 100; // USER_HZ, the unit of /proc times on Linux

function readStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state)
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU time (µs) one process and its live descendants have used so far (a clustered server's
 * workers included); null when unknown.
 */
export function processCpuUs(pid) {
  if (process.platform !== "linux" || !pid) return null;
  const own = readStat(pid);
  if (!own) return null;
  let ticks = own.ticks;
  const children = new Map();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    const s = readStat(name);
    if (s) children.set(Number(name), s);
  }
  const descends = (p) => {
    for (let hops = 0; p > 1 && hops < 50; p = children.get(p)?.ppid ?? 0, hops++) if (p === pid) return true;
    return false;
  };
  for (const [child, s] of children) if (descends(s.ppid)) ticks += s.ticks;
  return (ticks * 1e6) / HZ;
}

/** CPU ticks of this process and all its descendants (including children they have reaped). */
function treeTicks() {
  const stats = new Map();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(name);
    if (s) stats.set(Number(name), s);
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = stats.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return ticks;
}

/** Busy ticks of the whole machine, counting steal time (CPU the hypervisor gave to others). */
function machineBusyTicks() {
  const [, ...v] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = v;
  return user + nice + system + irq + softirq + steal;
}

/** Starts a measurement; the returned function gives the others' share of all CPUs in percent. */
export function startCpuShare() {
  if (process.platform !== "linux") return () => null;
  try {
    const start = { at: performance.now(), busy: machineBusyTicks(), tree: treeTicks() };
    return () => {
      const seconds = (performance.now() - start.at) / 1000;
      const others = machineBusyTicks() - start.busy - (treeTicks() - start.tree);
      return Math.max(0, Math.round((100 * others) / (seconds * HZ * os.cpus().length)));
    };
  } catch {
    return () => null;
  }
}
