import { describe, expect, it } from "vitest";
import { respondDecision } from "@/lib/api/v1/respond-decision";
import type { ApiRequest } from "@/lib/api/endpoint";
import { suspendLicense } from "@/lib/licensing/change-license";
import { activateLicense } from "@/lib/licensing/activate-license";
import { validateLicense } from "@/lib/licensing/validate-license";
import { publicKeyMap } from "@/lib/licensing/signing/signing-keys";
import { verifyToken } from "@/lib/licensing/signing/token";
import { RECEIPT_TYPE, type ReceiptPayload } from "@/lib/licensing/receipts";
import { createLicensedPlan } from "../support/factories";

const SYSTEM = { type: "SYSTEM" as const };
const FP = "fp-reuse-0123456789abcdef";

const request = (lang = "en"): ApiRequest => ({
  method: "POST", params: {}, query: new URLSearchParams(), body: "", ip: "127.0.0.1", requestId: "req-test-0001",
  header: (name) => (name === "accept-language" ? lang : null),
});

describe("validation reuse", () => {
  it("an unchanged license answers with the same decision and the same serialized answer; a nonce gets its own receipt", async () => {
    const { key } = await createLicensedPlan();
    await activateLicense({ key, fingerprint: FP });
    const first = await validateLicense({ key, fingerprint: FP });
    const second = await validateLicense({ key, fingerprint: FP });
    expect(first.code).toBe("VALID");
    expect(second).toBe(first);
    expect(Object.isFrozen(first.license)).toBe(true);

    const a = await respondDecision(request(), first, {});
    const b = await respondDecision(request(), second, {});
    expect(b.body).toBe(a.body);
    const receipt = (a.body as { toJSON(): { receipt: string } }).toJSON().receipt;
    const checked = verifyToken<ReceiptPayload>(receipt, RECEIPT_TYPE, await publicKeyMap());
    expect(checked.ok).toBe(true);

    const german = await respondDecision(request("de"), first, {});
    expect(JSON.parse(JSON.stringify(german.body)).message).not.toBe(JSON.parse(JSON.stringify(a.body)).message);

    const withNonce = await respondDecision(request(), first, {}, {}, "client-nonce-1234");
    const nonceReceipt = JSON.parse(JSON.stringify(withNonce.body)).receipt as string;
    expect(nonceReceipt).not.toBe(receipt);
    const verified = verifyToken<ReceiptPayload>(nonceReceipt, RECEIPT_TYPE, await publicKeyMap());
    expect(verified.ok && verified.payload.nonce).toBe("client-nonce-1234");
  });

  it("a change to the license is answered at once, not from the reused decision", async () => {
    const { key, license } = await createLicensedPlan();
    await activateLicense({ key, fingerprint: FP });
    expect((await validateLicense({ key, fingerprint: FP })).code).toBe("VALID");
    await suspendLicense(SYSTEM, license.id, "review");
    expect((await validateLicense({ key, fingerprint: FP })).code).toBe("SUSPENDED");
  });

  it("a reused decision ends at the license's expiry, to the millisecond", async () => {
    const expiresAt = Date.now() + 3_600_000;
    const { key } = await createLicensedPlan({ expiresAt: new Date(expiresAt), gracePeriodDays: 1 });
    await activateLicense({ key, fingerprint: FP });
    const before = await validateLicense({ key, fingerprint: FP }, expiresAt - 1);
    expect(before.code).toBe("VALID");
    expect(await validateLicense({ key, fingerprint: FP }, expiresAt - 1)).toBe(before);
    expect((await validateLicense({ key, fingerprint: FP }, expiresAt)).code).toBe("EXPIRED_IN_GRACE");
  });

  it("different scopes of one license get their own decisions", async () => {
    const { key } = await createLicensedPlan();
    await activateLicense({ key, fingerprint: FP });
    expect((await validateLicense({ key, fingerprint: FP })).code).toBe("VALID");
    expect((await validateLicense({ key, fingerprint: "fp-other-0123456789abcdef" })).code).toBe("FINGERPRINT_MISMATCH");
    expect((await validateLicense({ key, fingerprint: FP, entitlements: ["missing"] })).code).toBe("ENTITLEMENT_MISSING");
    expect((await validateLicense({ key, fingerprint: FP })).code).toBe("VALID");
  });
});
