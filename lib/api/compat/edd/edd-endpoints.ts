import type { ApiRequest, ApiResult, Endpoint } from "../../endpoint";
import { guardCompat } from "../guard";
import { getCompatLicenseFacts } from "../license-facts";
import { decodedItemName, echoItemId, eddChecksum, readEddParams, type EddAction } from "./edd-params";
import { eddActivateLicense, eddCheckLicense, eddDeactivateLicense, type EddAnswer, type EddContext } from "./edd-license-actions";
import { eddGetVersion } from "./edd-get-version";

// Easy Digital Downloads Software Licensing, served at one URL for GET and POST: a client's store
// URL becomes https://<keyfront>/api/compat/edd and nothing else changes. Answers are always 200
// JSON in EDD's shape; malformed input (an unknown edd_action) gets Keyfront's error envelope.
export const EDD_BASE_PATH = "/api/compat/edd";

const ACTIONS: Record<EddAction, (ctx: EddContext) => Promise<EddAnswer>> = {
  activate_license: eddActivateLicense,
  deactivate_license: eddDeactivateLicense,
  check_license: eddCheckLicense,
  get_version: eddGetVersion,
};

async function handleEdd(req: ApiRequest): Promise<ApiResult> {
  const params = readEddParams(req);
  const changes = params.edd_action === "activate_license" || params.edd_action === "deactivate_license";
  const headers = await guardCompat(req, changes ? "activate" : "validate", params.license);
  const facts = params.license ? await getCompatLicenseFacts(params.license) : null;
  const echo = { item_id: echoItemId(params), item_name: decodedItemName(params) ?? facts?.product.name ?? "", checksum: eddChecksum(params) };
  const body = await ACTIONS[params.edd_action]({ req, params, facts, echo });
  return { status: 200, body, headers };
}

export const eddGetEndpoint: Endpoint = { id: "eddSoftwareLicensingGet", method: "GET", path: EDD_BASE_PATH, handle: handleEdd };
export const eddPostEndpoint: Endpoint = { id: "eddSoftwareLicensingPost", method: "POST", path: EDD_BASE_PATH, handle: handleEdd };
