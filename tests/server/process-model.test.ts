import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startApiProcess, type ApiProcess } from "../support/api-processes";

// The production server as `npm start` runs it: an accepting primary and its app workers.
const workersOf = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);

const validateUnknown = (url: string) =>
  fetch(`${url}/api/v1/licenses/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: "KF-00000-00000-00000-00000" }) });

const started: ApiProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe.skipIf(process.platform !== "linux")("server process model", () => {
  it("with the in-process cache one worker serves; a crashed worker is replaced", async () => {
    const api = await startApiProcess({});
    started.push(api);
    const [worker, ...others] = workersOf(api.child.pid!);
    expect(others).toEqual([]);
    expect((await validateUnknown(api.url)).status).toBe(200);

    process.kill(worker!, "SIGKILL");
    const deadline = Date.now() + 30_000;
    let answered = false;
    while (!answered && Date.now() < deadline) {
      const replacement = workersOf(api.child.pid!);
      answered = replacement.length === 1 && replacement[0] !== worker && (await validateUnknown(api.url).then((r) => r.status === 200, () => false));
      if (!answered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answered).toBe(true);
    expect(api.child.exitCode).toBeNull();
  });

  it("KEYFRONT_WORKERS sets the worker count, 0 serves from one process; SIGTERM stops them all", async () => {
    const [two, single] = await Promise.all([startApiProcess({ KEYFRONT_WORKERS: "2" }), startApiProcess({ KEYFRONT_WORKERS: "0" })]);
    started.push(two, single);
    const workers = workersOf(two.child.pid!);
    expect(workers).toHaveLength(2);
    expect(workersOf(single.child.pid!)).toEqual([]);
    expect((await validateUnknown(single.url)).status).toBe(200);
    await two.stop();
    expect(two.child.exitCode).toBe(0);
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ")).toBe(false);
  });

  it("a bad KEYFRONT_WORKERS stops the start with an error", async () => {
    await expect(startApiProcess({ KEYFRONT_WORKERS: "two" })).rejects.toThrow(/KEYFRONT_WORKERS must be a whole number/);
  });
});
