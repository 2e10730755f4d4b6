import { describe, expect, it } from "vitest";
import { corsHeaders, isCorsPublic, preflight } from "./cors";

describe("CORS for the public APIs", () => {
  it("opens the licensing and compatibility endpoints to every origin, without credentials", () => {
    for (const path of ["/api/v1/licenses/validate", "/api/v1/keys", "/api/compat/edd", "/api/compat/lemonsqueezy/v1/licenses/activate"]) {
      expect(isCorsPublic(path)).toBe(true);
      expect(corsHeaders(path)["access-control-allow-origin"]).toBe("*");
      expect(corsHeaders(path)).not.toHaveProperty("access-control-allow-credentials");
    }
  });

  it("grants nothing for the management API or the rest of the app", () => {
    for (const path of ["/api/v1/admin/licenses", "/api/v1/admin", "/api/v1/admin/licenses/lic_1/revoke", "/api/account", "/en/account"]) {
      expect(isCorsPublic(path)).toBe(false);
      expect(corsHeaders(path)).toEqual({});
      expect(preflight(path, "OPTIONS", "POST")?.headers).not.toHaveProperty("access-control-allow-origin");
    }
  });

  it("answers a preflight with the allowed methods and headers, and ignores other requests", () => {
    const answer = preflight("/api/v1/licenses/activate", "OPTIONS", "POST");
    expect(answer?.status).toBe(204);
    expect(answer?.headers["access-control-allow-methods"]).toContain("POST");
    expect(answer?.headers["access-control-allow-headers"]).toContain("content-type");
    expect(preflight("/api/v1/licenses/activate", "OPTIONS", null)).toBeNull();
    expect(preflight("/api/v1/licenses/activate", "POST", "POST")).toBeNull();
  });
});
