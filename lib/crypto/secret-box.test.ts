import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips and never repeats a ciphertext", () => {
    const a = encryptSecret("sk_live_123", "gateway:stripe", key);
    const b = encryptSecret("sk_live_123", "gateway:stripe", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk_live_123");
    expect(decryptSecret(a, "gateway:stripe", key)).toBe("sk_live_123");
  });

  it("fails on tampering, a wrong key or a ciphertext moved to another row", () => {
    const box = encryptSecret("secret", "lic_A", key);
    const parts = box.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), "lic_A", key)).toThrow();
    expect(() => decryptSecret(box, "lic_A", randomBytes(32))).toThrow();
    expect(() => decryptSecret(box, "lic_B", key)).toThrow();
    expect(() => decryptSecret("garbage", "lic_A", key)).toThrow();
  });
});
