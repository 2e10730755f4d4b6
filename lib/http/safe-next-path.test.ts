import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths and refuses everything that could leave the site", () => {
    expect(safeNextPath("/de/account/licenses?x=1", "/en/account")).toBe("/de/account/licenses?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", 42, undefined, "/" + "a".repeat(600)]) {
      expect(safeNextPath(bad, "/en/account")).toBe("/en/account");
    }
  });
});
