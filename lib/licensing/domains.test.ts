import { describe, expect, it } from "vitest";
import { isDevDomain, normalizeDomain, normalizeFingerprint } from "./domains";

describe("normalizeDomain", () => {
  it("strips scheme, www, port, path and case, and converts to punycode", () => {
    expect(normalizeDomain("https://WWW.Example.COM:8443/shop?x=1")).toBe("example.com");
    expect(normalizeDomain("shop.example.com.")).toBe("shop.example.com");
    expect(normalizeDomain("bücher.de")).toBe("xn--bcher-kva.de");
    expect(normalizeDomain("user:pw@site.org/wp-admin")).toBe("site.org");
  });
  it("rejects what is not a host", () => {
    for (const bad of ["", "   ", "http://", "a b.com", "exa_mple.com", "x".repeat(400)]) expect(normalizeDomain(bad), bad).toBeNull();
  });
});

describe("isDevDomain", () => {
  it("frees local and staging hosts", () => {
    for (const d of ["localhost", "mysite.local", "mysite.test", "staging.example.com", "dev.example.com", "127.0.0.1", "192.168.1.20"]) expect(isDevDomain(d), d).toBe(true);
    for (const d of ["example.com", "mystaging.com", "shop.example.com", "8.8.8.8"]) expect(isDevDomain(d), d).toBe(false);
  });
});

describe("normalizeFingerprint", () => {
  it("accepts hashes and rejects short or non-printable values", () => {
    expect(normalizeFingerprint("  3f9a0c2d4e5b6a7f8091  ")).toBe("3f9a0c2d4e5b6a7f8091");
    expect(normalizeFingerprint("short")).toBeNull();
    expect(normalizeFingerprint("has space inside the value")).toBeNull();
    expect(normalizeFingerprint("ünïcödé-fingerprint-xx")).toBeNull();
  });
});
