import { describe, expect, it } from "vitest";
import {
  canonicalLicenseKey, generateLicenseKey, hashCanonicalLicenseKey, hashLegacyLicenseKey, hashLicenseKey, licenseKeyHint, normalizeLegacyLicenseKey, normalizeLicenseKey,
} from "./license-key";

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

  it("keep imported keys verbatim: exact trimmed text, bounded, printable ASCII", () => {
    expect(normalizeLegacyLicenseKey("  0f4c8e2a9b1d4e6f8a0b2c4d6e8f0a1b \n")).toBe("0f4c8e2a9b1d4e6f8a0b2c4d6e8f0a1b");
    expect(normalizeLegacyLicenseKey("38b1460a-5104-4067-a91d-77b872934d51")).toBe("38b1460a-5104-4067-a91d-77b872934d51");
    expect(normalizeLegacyLicenseKey("C1B6DE-39A6E3-DE1529-8559A0-4AF593-V3")).toBe("C1B6DE-39A6E3-DE1529-8559A0-4AF593-V3");
    expect(normalizeLegacyLicenseKey("key/with spaces inside")).toBe("key/with spaces inside");
    expect(normalizeLegacyLicenseKey("short")).toBeNull();
    expect(normalizeLegacyLicenseKey("x".repeat(257))).toBeNull();
    expect(normalizeLegacyLicenseKey("x".repeat(256))).toBe("x".repeat(256));
    expect(normalizeLegacyLicenseKey("tab\tinside")).toBeNull();
    expect(normalizeLegacyLicenseKey("naïve-key-text")).toBeNull();
    expect(normalizeLegacyLicenseKey("nul\0byte-key")).toBeNull();
    expect(normalizeLegacyLicenseKey("x".repeat(100_000))).toBeNull();
  });

  it("give every submitted key one canonical form, Keyfront keys first, and never throw on junk", () => {
    const key = generateLicenseKey();
    expect(canonicalLicenseKey(key.toLowerCase())).toEqual({ kind: "keyfront", key });
    expect(canonicalLicenseKey(" 38b1460a-5104-4067-a91d-77b872934d51 ")).toEqual({ kind: "legacy", key: "38b1460a-5104-4067-a91d-77b872934d51" });
    // Case matters for imported keys: they are compared exactly.
    expect(canonicalLicenseKey("ABCDEF123456")).not.toEqual(canonicalLicenseKey("abcdef123456"));
    for (const junk of [undefined, null, 42, {}, "", "   ", "\u0000\u0001", "é".repeat(10), "a\nb\nc\nd\ne"]) expect(canonicalLicenseKey(junk)).toBeNull();
  });

  it("hash imported keys apart from Keyfront keys (domain separation)", () => {
    const key = generateLicenseKey();
    expect(hashLegacyLicenseKey(key, "p")).not.toBe(hashLicenseKey(key, "p"));
    expect(hashCanonicalLicenseKey({ kind: "keyfront", key }, "p")).toBe(hashLicenseKey(key, "p"));
    expect(hashCanonicalLicenseKey({ kind: "legacy", key: "0f4c8e2a9b1d4e6f" }, "p")).toBe(hashLegacyLicenseKey("0f4c8e2a9b1d4e6f", "p"));
    expect(hashLegacyLicenseKey("0f4c8e2a9b1d4e6f", "p")).toMatch(/^[0-9a-f]{64}$/);
    expect(licenseKeyHint("0f4c8e2a9b1d4e6f8a0b2c4d6e8f0a1b")).toBe("0f4c…0a1b");
  });
});
