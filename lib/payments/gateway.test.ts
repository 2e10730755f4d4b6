import { describe, expect, it } from "vitest";
import { headerValue, webhookRejectionStatus } from "./gateway";

describe("gateway helpers", () => {
  it("reads headers case-insensitively from Headers and from Node header records", () => {
    expect(headerValue(new Headers({ "Stripe-Signature": "t=1" }), "stripe-signature")).toBe("t=1");
    expect(headerValue({ "X-NowPayments-Sig": "abc" }, "x-nowpayments-sig")).toBe("abc");
    expect(headerValue({ "x-a": ["first", "second"] }, "X-A")).toBe("first");
    expect(headerValue({}, "x-a")).toBeUndefined();
  });

  it("asks for a retry only when the failure is on our side", () => {
    expect(webhookRejectionStatus("unavailable")).toBe(503);
    expect(webhookRejectionStatus("not_configured")).toBe(503);
    expect(webhookRejectionStatus("bad_signature")).toBe(400);
    expect(webhookRejectionStatus("stale_timestamp")).toBe(400);
  });
});
