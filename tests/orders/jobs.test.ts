import { describe, expect, it } from "vitest";
import { runExclusive } from "@/lib/jobs/run-exclusive";
import { startJobs } from "@/lib/jobs/start-jobs";

describe("background jobs", () => {
  it("runExclusive runs a job on one caller at a time; the others skip", async () => {
    let inside = 0;
    let most = 0;
    const job = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 300));
      inside--;
      return "done";
    };
    const results = await Promise.all([runExclusive("test-job", job), runExclusive("test-job", job), runExclusive("test-job", job)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(most).toBe(1);
    // Once released, the next round runs again.
    expect(await runExclusive("test-job", job)).toEqual({ ran: true, result: "done" });
  });

  it("startJobs runs each job on its timer, never overlapping itself, and stops", async () => {
    let runs = 0;
    let inside = 0;
    let most = 0;
    const jobs = startJobs({
      jobs: [{ name: "test-timer", everyMs: 20, run: async () => {
        runs++;
        inside++;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 120));
        inside--;
      } }],
    });
    await new Promise((r) => setTimeout(r, 400));
    await jobs.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBe(after);
    expect(most).toBe(1);
  });
});
