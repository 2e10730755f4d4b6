// System-wide TCP counters (Linux): a full accept queue (ListenOverflows) makes connecting
// clients retransmit their SYN after 1 s, 3 s, 7 s…, which shows up as multi-second latencies
// and timeouts. Counted around each scenario; other processes' traffic counts too.
import fs from "node:fs";

const FIELDS = { ListenOverflows: "listenOverflows", TCPSynRetrans: "synRetransmits", TCPTimeouts: "retransmitTimeouts" };

function read() {
  try {
    const lines = fs.readFileSync("/proc/net/netstat", "utf8").split("\n");
    const out = {};
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i].split(/\s+/);
      const values = lines[i + 1].split(/\s+/);
      names.forEach((name, j) => {
        if (FIELDS[name]) out[FIELDS[name]] = Number(values[j]);
      });
    }
    return out;
  } catch {
    return null;
  }
}

/** Starts counting; the returned function gives the increase of each counter (null off Linux). */
export function startTcpStats() {
  const before = read();
  return () => {
    const after = read();
    if (!before || !after) return null;
    return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
  };
}
