import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeLicense } from "@/lib/licensing/change-license";
import { createLicensedPlan } from "../support/factories";
import { startApiServer } from "../support/api-server";
import { freePort } from "../support/free-port";
import { KeyfrontApiError, KeyfrontClient, KeyfrontNetworkError, MemoryStorage, type FetchLike, type KeyfrontStorage } from "../../sdk/src/index.js";

let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  process.env.RATE_LIMIT_SCALE = "1000";
  api = await startApiServer();
});
afterAll(() => api.close());

const FP = "fallback-device-fingerprint-1";
const HOUR = 3_600_000;

/** A fetch that can be switched between the real API, a dead network and a failing server. */
function switchableFetch() {
  const state = { mode: "up" as "up" | "down" | "503" | "hang", calls: 0 };
  const fetchFn: FetchLike = async (input, init) => {
    state.calls++;
    if (state.mode === "down") throw new TypeError("fetch failed");
    if (state.mode === "503") return new Response("<html>Bad gateway</html>", { status: 503 });
    if (state.mode === "hang") {
      return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    return fetch(input, init);
  };
  return { state, fetchFn };
}

/** A storage that keeps everything as strings, like localStorage. */
function stringStorage(): KeyfrontStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (k) => entries.get(k) ?? null, set: async (k, v) => void entries.set(k, v) };
}

describe("validate falls back to the cached receipt when the API is unreachable", () => {
  it("answers offline from the last good receipt on network errors, timeouts and 5xx", async () => {
    const { key, license } = await createLicensedPlan({ entitlements: ["pro"] });
    const { state, fetchFn } = switchableFetch();
    const storage = new MemoryStorage();
    const client = new KeyfrontClient({ baseUrl: api.url, fetch: fetchFn, storage });
    // Same storage, a short timeout: used while the API hangs.
    const impatient = new KeyfrontClient({ baseUrl: api.url, fetch: fetchFn, storage, timeoutMs: 100 });
    await client.activate({ key, fingerprint: FP });
    const online = await client.validate({ key, fingerprint: FP, entitlements: ["pro"] });
    expect(online).toMatchObject({ valid: true, code: "VALID", offline: false });

    for (const mode of ["down", "503", "hang"] as const) {
      state.mode = mode;
      const offline = await (mode === "hang" ? impatient : client).validate({ key, fingerprint: FP, entitlements: ["pro"] });
      expect(offline).toMatchObject({ valid: true, code: "VALID", offline: true, license: { id: license.id }, receipt: online.receipt });
      expect(offline.message).toBe(online.message);
    }

    // Asking for a feature the license lacks keeps the good receipt.
    state.mode = "up";
    expect((await client.validate({ key, fingerprint: FP, entitlements: ["enterprise"] })).code).toBe("ENTITLEMENT_MISSING");

    // The cached receipt vouches only for its own scope and entitlements.
    state.mode = "down";
    expect((await client.validate({ key, fingerprint: FP, entitlements: ["pro"] })).offline).toBe(true);
    await expect(client.validate({ key, fingerprint: "fallback-device-fingerprint-2" })).rejects.toBeInstanceOf(KeyfrontNetworkError);
    await expect(client.validate({ key })).rejects.toBeInstanceOf(KeyfrontNetworkError);
    await expect(client.validate({ key, fingerprint: FP, entitlements: ["enterprise"] })).rejects.toBeInstanceOf(KeyfrontNetworkError);
    state.mode = "503";
    await expect(client.validate({ key, fingerprint: "fallback-device-fingerprint-2" })).rejects.toMatchObject({ name: "KeyfrontApiError", status: 503 });
    state.mode = "hang";
    await expect(impatient.validate({ key, fingerprint: "fallback-device-fingerprint-2" })).rejects.toMatchObject({ name: "KeyfrontNetworkError", timedOut: true });
  });

  it("a client pointed at a closed port answers from the shared storage, keys included", async () => {
    const { key } = await createLicensedPlan();
    const storage = stringStorage();
    const online = await new KeyfrontClient({ baseUrl: api.url, storage }).activate({ key, fingerprint: FP });
    expect(online.valid).toBe(true);
    await new KeyfrontClient({ baseUrl: api.url, storage }).validate({ key, fingerprint: FP });
    for (const value of storage.entries.values()) expect(value).not.toContain(key);

    const closed = new KeyfrontClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, storage });
    expect(await closed.validate({ key, fingerprint: ` ${FP}` })).toMatchObject({ valid: true, code: "VALID", offline: true });

    // Once the receipt has expired, the network error comes through.
    const later = new KeyfrontClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, storage, now: () => Date.now() + 7 * HOUR });
    await expect(later.validate({ key, fingerprint: FP })).rejects.toBeInstanceOf(KeyfrontNetworkError);
    // …and the expired entry is gone, even for a clock that is right again.
    await expect(closed.validate({ key, fingerprint: FP })).rejects.toBeInstanceOf(KeyfrontNetworkError);
  });

  it("never overrides an answer from the server", async () => {
    const { key, license } = await createLicensedPlan();
    const { state, fetchFn } = switchableFetch();
    const client = new KeyfrontClient({ baseUrl: api.url, fetch: fetchFn, storage: new MemoryStorage() });
    await client.activate({ key, fingerprint: FP });
    expect((await client.validate({ key, fingerprint: FP })).valid).toBe(true);

    await revokeLicense({ type: "SYSTEM" }, license.id, "refund");
    expect(await client.validate({ key, fingerprint: FP })).toMatchObject({ valid: false, code: "REVOKED", offline: false });
    // The refusal dropped the good receipt: offline there is nothing to answer with.
    state.mode = "down";
    await expect(client.validate({ key, fingerprint: FP })).rejects.toBeInstanceOf(KeyfrontNetworkError);

    // A decision whose keys cannot be loaded is refused, not replaced by a cached one.
    const { key: other } = await createLicensedPlan();
    const noKeys: FetchLike = (input, init) => (input.endsWith("/api/v1/keys") ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init));
    await expect(new KeyfrontClient({ baseUrl: api.url, fetch: noKeys }).validate({ key: other })).rejects.toMatchObject({ name: "KeyfrontVerificationError", reason: "UNKNOWN_KEY" });
    // Keys pinned in the app need no JWKS request.
    const pinned = await client.getKeys();
    expect(await new KeyfrontClient({ baseUrl: api.url, fetch: noKeys, keys: pinned }).validate({ key: other })).toMatchObject({ valid: true, code: "VALID" });

    // 4xx are answers too: no fallback.
    state.mode = "up";
    const bad = new KeyfrontClient({ baseUrl: api.url, fetch: fetchFn });
    await expect(bad.validate({ key: "KF-1", fingerprint: "short" })).rejects.toBeInstanceOf(KeyfrontApiError);
  });

  it("deactivation forgets the cached receipt", async () => {
    const { key } = await createLicensedPlan();
    const { state, fetchFn } = switchableFetch();
    const client = new KeyfrontClient({ baseUrl: api.url, fetch: fetchFn });
    const { activation } = await client.activate({ key, fingerprint: FP });
    await client.validate({ key, fingerprint: FP });
    expect((await client.deactivate({ key, activationId: activation!.id })).code).toBe("DEACTIVATED");
    state.mode = "down";
    await expect(client.validate({ key, fingerprint: FP })).rejects.toBeInstanceOf(KeyfrontNetworkError);

    state.mode = "up";
    await client.activate({ key, fingerprint: FP });
    await client.validate({ key, fingerprint: FP });
    await client.clearCache({ key, fingerprint: FP });
    state.mode = "down";
    await expect(client.validate({ key, fingerprint: FP })).rejects.toBeInstanceOf(KeyfrontNetworkError);
  });
});
