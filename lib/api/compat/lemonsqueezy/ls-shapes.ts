import { DECISION_DETAIL, type DecisionCode } from "@/lib/licensing/codes";
import type { ActivationView, LicenseView } from "@/lib/licensing/decision";
import type { CompatLicenseFacts } from "../license-facts";

// Keyfront decisions in the Lemon Squeezy License API's shape: `license_key`, `instance` and
// `meta` objects, and its error strings and HTTP statuses.

export const LS_KEY_NOT_FOUND = "license_key not found.";
export const LS_INSTANCE_NOT_FOUND = "instance_id not found.";

/** The `error` text of a refusal; codes Lemon Squeezy has no words for use Keyfront's own. */
const LS_ERROR: Partial<Record<DecisionCode, string>> = {
  NOT_FOUND: LS_KEY_NOT_FOUND,
  REVOKED: "This license key is disabled.",
  SUSPENDED: "This license key is disabled.",
  EXPIRED: "This license key has expired.",
  PAYMENT_OVERDUE: "This license key has expired.",
  ACTIVATION_LIMIT_REACHED: "This license key has reached the activation limit.",
  NOT_ACTIVATED: LS_INSTANCE_NOT_FOUND,
  FINGERPRINT_MISMATCH: LS_INSTANCE_NOT_FOUND,
  DOMAIN_MISMATCH: LS_INSTANCE_NOT_FOUND,
};

export function lsError(code: DecisionCode): string {
  return LS_ERROR[code] ?? DECISION_DETAIL[code];
}

/** Codes answered 404: the key or the instance does not exist (anything else refused is 400). */
const NOT_FOUND_CODES: ReadonlySet<DecisionCode> = new Set(["NOT_FOUND", "NOT_ACTIVATED", "FINGERPRINT_MISMATCH", "DOMAIN_MISMATCH"]);

export function lsRefusalStatus(code: DecisionCode): 400 | 404 {
  return NOT_FOUND_CODES.has(code) ? 404 : 400;
}

export type LsStatus = "inactive" | "active" | "expired" | "disabled";

/** disabled (suspended or revoked), expired (past grace, or a payment overdue), else active when it has activations. */
export function lsStatus(view: LicenseView, facts: CompatLicenseFacts, now = Date.now()): LsStatus {
  if (view.status === "suspended" || view.status === "revoked") return "disabled";
  if (view.status === "expired") return "expired";
  if (facts.paymentOverdueAt !== null && facts.paymentOverdueAt.getTime() <= now) return "expired";
  return view.activationsUsed > 0 ? "active" : "inactive";
}

/** Lemon Squeezy's timestamps carry microseconds: 2021-01-24T14:15:07.000000Z. */
export function lsTime(value: Date | string | number): string {
  return new Date(value).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

export function lsLicenseKey(view: LicenseView, facts: CompatLicenseFacts) {
  return {
    id: facts.id,
    status: lsStatus(view, facts),
    key: facts.key,
    activation_limit: view.activationsLimit,
    activation_usage: view.activationsUsed,
    created_at: lsTime(facts.createdAt),
    expires_at: view.expiresAt === null ? null : lsTime(view.expiresAt),
    test_mode: false,
  };
}

export function lsInstance(activation: Pick<ActivationView, "id" | "label" | "identifier"> & { createdAt: string | number }) {
  return { id: activation.id, name: activation.label ?? activation.identifier, created_at: lsTime(activation.createdAt) };
}

/** One Keyfront installation is one store: store_id is always 1. Variants are Keyfront plans. */
export const KEYFRONT_STORE_ID = 1;

export function lsMeta(facts: CompatLicenseFacts) {
  return {
    store_id: KEYFRONT_STORE_ID,
    order_id: facts.order?.id ?? null,
    order_item_id: facts.order?.itemId ?? null,
    product_id: facts.product.id,
    product_name: facts.product.name,
    variant_id: facts.plan.id,
    variant_name: facts.plan.name,
    customer_id: facts.customer?.id ?? null,
    customer_name: facts.customer?.name ?? "",
    customer_email: facts.customer?.email ?? "",
  };
}

/** The body of an answer about a known license. */
export function lsLicenseBody(view: LicenseView, facts: CompatLicenseFacts) {
  return { license_key: lsLicenseKey(view, facts), meta: lsMeta(facts) };
}
