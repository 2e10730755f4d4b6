import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./request-context";

describe("clientIpFrom", () => {
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});
  it("takes the address appended by the trusted proxy, not the client's own claim", () => {
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIpFrom(h("203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientIpFrom(h(), 1)).toBe("unknown");
  });
});
