import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("is prefixed, 26 Crockford characters, and sorts by creation time", () => {
    const a = newId("license", 1_700_000_000_000);
    const b = newId("license", 1_700_000_000_001);
    expect(a).toMatch(/^lic_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
  });

  it("does not collide", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("order", 1)));
    expect(ids.size).toBe(10_000);
  });
});
