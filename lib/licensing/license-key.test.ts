import { describe, expect, it } from "vitest";
import { generateLicenseKey, hashLicenseKey, licenseKeyHint, normalizeLicenseKey } from "./license-key";

describe("license keys", () => {
  it("have the KF-XXXXX-XXXXX-XXXXX-XXXXX shape and are unique", () => {
    const keys = Array.from({ length: 5000 }, generateLicenseKey);
    for (const k of keys.slice(0, 50)) expect(k).toMatch(/^KF-[0-9A-Z*~$=]{5}(-[0-9A-Z*~$=]{5}){3}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("normalize forgiving input and catch typos with the check character", () => {
    const key = generateLicenseKey();
    expect(normalizeLicenseKey(key)).toBe(key);
    expect(normalizeLicenseKey(key.toLowerCase().replace(/-/g, " "))).toBe(key);
    const body = key.slice(3).replace(/-/g, "");
    const i = body.search(/[0-9A-Z]/);
    const typo = body.slice(0, i) + (body[i] === "7" ? "8" : "7") + body.slice(i + 1);
    expect(normalizeLicenseKey(typo)).toBeNull();
    expect(normalizeLicenseKey("")).toBeNull();
    expect(normalizeLicenseKey("KF-' OR 1=1 --")).toBeNull();
    expect(normalizeLicenseKey("x".repeat(1000))).toBeNull();
  });

  it("hash with a pepper and hint without revealing the key", () => {
    const key = generateLicenseKey();
    expect(hashLicenseKey(key, "a")).not.toBe(hashLicenseKey(key, "b"));
    expect(hashLicenseKey(key, "a")).toMatch(/^[0-9a-f]{64}$/);
    const hint = licenseKeyHint(key);
    expect(hint.startsWith(key.slice(0, 8))).toBe(true);
    expect(hint.length).toBeLessThan(key.length);
  });
});
