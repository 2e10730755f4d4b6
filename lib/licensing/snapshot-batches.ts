import { loadLicenseSnapshots, type LicenseSnapshot } from "./snapshot";

// Cache misses that arrive together are read together: the misses of one event-loop turn, and
// those that queue while MAX_IN_FLIGHT reads are running, go to the database as one statement
// (up to MAX_BATCH key hashes). A release-day burst of new clients then costs a few round trips
// instead of one per client, and leaves pool connections for writes. A miss only ever joins a
// read that has not started yet, so it always sees what was committed before it was asked for.
const MAX_IN_FLIGHT = 3;
const MAX_BATCH = 256;

type Waiting = { keyHash: string; resolve: (s: LicenseSnapshot | null) => void; reject: (err: unknown) => void };
const queue: Waiting[] = [];
let inFlight = 0;
let scheduled = false;

/** The license behind a key hash, read from the database with the other misses of the moment. */
export function loadSnapshotBatched(keyHash: string): Promise<LicenseSnapshot | null> {
  return new Promise((resolve, reject) => {
    queue.push({ keyHash, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  });
}

function pump() {
  scheduled = false;
  while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
    const batch = queue.splice(0, MAX_BATCH);
    inFlight++;
    void read(batch).finally(() => {
      inFlight--;
      pump();
    });
  }
}

async function read(batch: Waiting[]) {
  try {
    const found = await loadLicenseSnapshots([...new Set(batch.map((w) => w.keyHash))]);
    for (const w of batch) w.resolve(found.get(w.keyHash) ?? null);
  } catch (err) {
    for (const w of batch) w.reject(err);
  }
}
