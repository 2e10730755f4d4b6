import { validateLicense } from "@/lib/licensing/validate-license";
import { activateLicense } from "@/lib/licensing/activate-license";
import { deactivateActivation } from "@/lib/licensing/deactivate-activation";
import type { LicenseView } from "@/lib/licensing/decision";
import type { ApiRequest } from "../../endpoint";
import type { CompatLicenseFacts } from "../license-facts";
import { noteRefusedActivation } from "../guard";
import { itemMismatch, scopeFor, siteOf, type EddParams } from "./edd-params";
import {
  EDD_ACTIVATE_ERROR, EDD_ACTIVATE_FALLBACK_ERROR, EDD_CHECK_LICENSE, EDD_DEACTIVATED_CODES, eddPurchaseFields, eddSeatFields,
} from "./edd-answer";

export type EddContext = {
  req: ApiRequest;
  params: EddParams;
  /** the license behind `license`; null when none was sent or it is unknown */
  facts: CompatLicenseFacts | null;
  /** item_id, item_name and checksum: opening every answer */
  echo: { item_id: string | number | false; item_name: string; checksum: string };
};

export type EddAnswer = Record<string, unknown>;

/** The license's state without touching any activation (for answers that refuse early). */
async function currentView(key: string): Promise<LicenseView | null> {
  return (await validateLicense({ key })).license;
}

export async function eddCheckLicense({ req, params, facts, echo }: EddContext): Promise<EddAnswer> {
  if (!facts || !params.license) return { success: false, license: "invalid", ...echo };
  const mismatch = itemMismatch(facts.product, params);
  const site = siteOf(params, req);
  const scope = scopeFor(facts.product.licenseType, site);
  const decision = await validateLicense({ key: params.license, ...scope });
  if (!decision.license) return { success: false, license: "invalid", ...echo };
  let license = mismatch ?? EDD_CHECK_LICENSE[decision.code];
  // Without a usable site the answer is about the license alone: a site license's unusable URL is
  // not active; with no site at all, a license no installation uses yet is "inactive".
  if (!mismatch && !scope && license === "valid") license = site ? "site_inactive" : decision.license.activationsUsed > 0 ? "valid" : "inactive";
  return { success: true, license, ...echo, ...eddPurchaseFields(decision.license, facts), ...eddSeatFields(decision.license) };
}

export async function eddActivateLicense({ req, params, facts, echo }: EddContext): Promise<EddAnswer> {
  if (!facts || !params.license) {
    await noteRefusedActivation(req, "NOT_FOUND");
    return { success: false, license: "invalid", ...echo, error: "missing" };
  }
  const refuse = async (error: string) => {
    const view = await currentView(params.license!);
    return { success: false, license: "invalid", ...echo, error, ...(view ? { ...eddSeatFields(view), ...eddPurchaseFields(view, facts) } : {}) };
  };
  const mismatch = itemMismatch(facts.product, params);
  if (mismatch) {
    await noteRefusedActivation(req, "PRODUCT_MISMATCH");
    return refuse(mismatch);
  }
  const site = siteOf(params, req);
  const scope = scopeFor(facts.product.licenseType, site);
  if (!scope) return refuse(site ? "invalid_url" : "missing_url");

  const decision = await activateLicense({ key: params.license, ...scope, label: site!.slice(0, 120) });
  if (!decision.license) return { success: false, license: "invalid", ...echo, error: "missing" };
  if (!decision.valid) await noteRefusedActivation(req, decision.code);
  const view = decision.license;
  return {
    success: decision.valid,
    license: decision.valid ? "valid" : "invalid",
    ...echo,
    ...(decision.valid ? {} : { error: EDD_ACTIVATE_ERROR[decision.code] ?? EDD_ACTIVATE_FALLBACK_ERROR }),
    ...(decision.code === "ACTIVATION_LIMIT_REACHED" ? { max_sites: view.activationsUsed } : {}),
    ...(decision.activation && !decision.activation.counts ? { is_local: true } : {}),
    ...eddSeatFields(view),
    ...eddPurchaseFields(view, facts),
  };
}

export async function eddDeactivateLicense({ req, params, facts, echo }: EddContext): Promise<EddAnswer> {
  if (!facts || !params.license) return { success: false, license: "failed", ...echo };
  const failed = async () => {
    const view = await currentView(params.license!);
    return { success: false, license: "failed", ...echo, ...(view ? eddPurchaseFields(view, facts) : {}) };
  };
  if (itemMismatch(facts.product, params)) return failed();
  const scope = scopeFor(facts.product.licenseType, siteOf(params, req));
  if (!scope) return failed();
  const decision = await deactivateActivation({ key: params.license, ...scope });
  if (!decision.license) return { success: false, license: "failed", ...echo };
  const ok = EDD_DEACTIVATED_CODES.has(decision.code);
  return { success: ok, license: ok ? "deactivated" : "failed", ...echo, ...eddPurchaseFields(decision.license, facts) };
}
