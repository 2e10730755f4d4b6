import { describe, expect, it } from "vitest";
import { DECISION_CODES } from "@/lib/licensing/codes";
import { getApiReference, getDecisionCodeReference } from "./api-reference";
import { V1_DOCS } from "./registry";

describe("API reference for the docs page", () => {
  const { groups } = getApiReference("https://licenses.example.com/");
  const operations = groups.flatMap((g) => g.operations);

  it("lists every documented endpoint once, grouped by tag", () => {
    expect(operations.map((o) => o.id).sort()).toEqual(V1_DOCS.map((d) => d.endpoint.id).sort());
    expect(groups.map((g) => g.tag)).toEqual(["Licensing", "Keys", "Management"]);
  });

  it("describes fields from the JSON schema and builds a runnable curl example", () => {
    const validate = operations.find((o) => o.id === "validateLicense")!;
    expect(validate.body?.find((f) => f.name === "key")).toMatchObject({ required: true, type: "string", constraints: ["1–256 characters"] });
    expect(validate.body?.find((f) => f.name === "entitlements")).toMatchObject({ required: false, type: "string[]" });
    expect(validate.curl).toContain("curl -X POST 'https://licenses.example.com/api/v1/licenses/validate'");
    expect(validate.curl).toContain(`-d '{"key":"KF-XXXXX-XXXXX-XXXXX-XXXXX","fingerprint":`);
    expect(validate.apiKey).toBe(false);

    const list = operations.find((o) => o.id === "adminListLicenses")!;
    expect(list.apiKey).toBe(true);
    expect(list.curl).toContain("Authorization: Bearer kf_live_");
    expect(list.queryParams.find((p) => p.name === "status")?.type).toBe('"ACTIVE" | "SUSPENDED" | "REVOKED"');
    const action = operations.find((o) => o.id === "adminLicenseAction")!;
    expect(action.pathParams.map((p) => p.name)).toEqual(["id", "action"]);
    expect(action.curl).toContain("/api/v1/admin/licenses/lic_…/extend");
    expect(action.responses.map((r) => r.status)).toEqual(expect.arrayContaining(["200", "401", "403", "429"]));
  });

  it("places every decision code once: the validation order, then the other operations' answers", () => {
    const { steps, operationCodes } = getDecisionCodeReference();
    const all = [...steps.flatMap((s) => s.codes), ...operationCodes].map((c) => c.code);
    expect([...all].sort()).toEqual([...DECISION_CODES].sort());
    expect(steps[0]!.codes[0]!.code).toBe("NOT_FOUND");
    expect(steps.at(-1)!.codes[0]).toMatchObject({ code: "VALID", valid: true });
    expect(steps.filter((s) => s.scopeOnly)).toHaveLength(1);
  });
});
