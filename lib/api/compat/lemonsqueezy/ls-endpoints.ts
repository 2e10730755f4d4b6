import { AppError } from "@/lib/errors";
import { activateInstance } from "@/lib/licensing/activate-instance";
import { validateLicense } from "@/lib/licensing/validate-license";
import { deactivateActivation } from "@/lib/licensing/deactivate-activation";
import { parseBody, type ApiRequest, type ApiResult, type Endpoint } from "../../endpoint";
import { guardCompat, noteRefusedActivation } from "../guard";
import { getCompatLicenseFacts } from "../license-facts";
import { findInstance, lsActivateBody, lsDeactivateBody, lsValidateBody } from "./ls-params";
import { LS_INSTANCE_NOT_FOUND, LS_KEY_NOT_FOUND, lsError, lsInstance, lsLicenseBody, lsRefusalStatus } from "./ls-shapes";

// The Lemon Squeezy License API: a client's base URL https://api.lemonsqueezy.com becomes
// https://<keyfront>/api/compat/lemonsqueezy and it POSTs to /v1/licenses/activate|validate|deactivate.
export const LEMON_SQUEEZY_BASE_PATH = "/api/compat/lemonsqueezy";

type Flag = "activated" | "valid" | "deactivated";

const notFound = (flag: Flag, headers: Record<string, string>): ApiResult => ({
  status: 404, headers, body: { [flag]: false, error: LS_KEY_NOT_FOUND, license_key: null, ...(flag === "deactivated" ? {} : { instance: null }), meta: null },
});

/** Errors in Lemon Squeezy's shape: `{ <flag>: false, error: "<text>" }` with the same status. */
function lsEndpoint(action: "activate" | "validate" | "deactivate", flag: Flag, run: (req: ApiRequest) => Promise<ApiResult>): Endpoint {
  return {
    id: `lemonSqueezy${action[0]!.toUpperCase()}${action.slice(1)}`,
    method: "POST",
    path: `${LEMON_SQUEEZY_BASE_PATH}/v1/licenses/${action}`,
    async handle(req) {
      try {
        return await run(req);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const [field, messages] = Object.entries(err.fields ?? {})[0] ?? [];
        const first = messages?.[0];
        const error = !first ? err.message : first.startsWith("The ") ? first : `The ${field} ${first[0]!.toLowerCase()}${first.slice(1)}`;
        const headers: Record<string, string> = { ...err.headers };
        if (err.retryAfterSec) headers["retry-after"] = String(err.retryAfterSec);
        return { status: err.status, body: { [flag]: false, error }, headers };
      }
    },
  };
}

export const lemonSqueezyActivateEndpoint = lsEndpoint("activate", "activated", async (req) => {
  const input = parseBody(req, lsActivateBody);
  const headers = await guardCompat(req, "activate", input.license_key);
  const facts = await getCompatLicenseFacts(input.license_key);
  if (!facts) {
    await noteRefusedActivation(req, "NOT_FOUND");
    return notFound("activated", headers);
  }
  const decision = await activateInstance({ key: input.license_key, instanceName: input.instance_name });
  if (!decision.license) return notFound("activated", headers);
  if (!decision.valid) await noteRefusedActivation(req, decision.code);
  return {
    status: decision.valid ? 200 : lsRefusalStatus(decision.code),
    headers,
    body: {
      activated: decision.valid,
      error: decision.valid ? null : lsError(decision.code),
      ...lsLicenseBody(decision.license, facts),
      instance: decision.valid && decision.activation ? lsInstance(decision.activation) : null,
    },
  };
});

export const lemonSqueezyValidateEndpoint = lsEndpoint("validate", "valid", async (req) => {
  const input = parseBody(req, lsValidateBody);
  const headers = await guardCompat(req, "validate", input.license_key);
  const facts = await getCompatLicenseFacts(input.license_key);
  if (!facts) return notFound("valid", headers);
  const instance = input.instance_id === undefined ? undefined : await findInstance(input.license_key, input.instance_id);
  const decision = await validateLicense({ key: input.license_key, ...instance?.scope });
  if (!decision.license) return notFound("valid", headers);
  // An instance that is unknown, released or another license's is Lemon Squeezy's 404.
  if (instance === null) {
    return { status: 404, headers, body: { valid: false, error: LS_INSTANCE_NOT_FOUND, ...lsLicenseBody(decision.license, facts), instance: null } };
  }
  return {
    // A refused validation is an answer (200), unless the instance vanished meanwhile.
    status: !decision.valid && lsRefusalStatus(decision.code) === 404 ? 404 : 200,
    headers,
    body: {
      valid: decision.valid,
      error: decision.valid ? null : lsError(decision.code),
      ...lsLicenseBody(decision.license, facts),
      // A license-level refusal stops before the instance: it is still the instance asked about.
      instance: decision.activation ? lsInstance(decision.activation) : instance ? lsInstance(instance.activation) : null,
    },
  };
});

export const lemonSqueezyDeactivateEndpoint = lsEndpoint("deactivate", "deactivated", async (req) => {
  const input = parseBody(req, lsDeactivateBody);
  const headers = await guardCompat(req, "activate", input.license_key);
  const facts = await getCompatLicenseFacts(input.license_key);
  if (!facts) return notFound("deactivated", headers);
  const instance = await findInstance(input.license_key, input.instance_id);
  const decision = await deactivateActivation({ key: input.license_key, activationId: instance?.activation.id ?? input.instance_id });
  if (!decision.license) return notFound("deactivated", headers);
  const ok = decision.code === "DEACTIVATED";
  return {
    status: ok ? 200 : lsRefusalStatus(decision.code),
    headers,
    body: { deactivated: ok, error: ok ? null : lsError(decision.code), ...lsLicenseBody(decision.license, facts) },
  };
});

export const LEMON_SQUEEZY_ENDPOINTS: Endpoint[] = [lemonSqueezyActivateEndpoint, lemonSqueezyValidateEndpoint, lemonSqueezyDeactivateEndpoint];
