import type { DecisionCode } from "@/lib/licensing/codes";
import type { LicenseView } from "@/lib/licensing/decision";
import type { CompatLicenseFacts } from "../license-facts";

// Keyfront decisions in Easy Digital Downloads Software Licensing's vocabulary (the fields and
// values of EDD_Software_Licensing::remote_license_check / _activation / _deactivation).

/** check_license: the `license` value for each decision. */
export const EDD_CHECK_LICENSE: Record<DecisionCode, string> = {
  VALID: "valid",
  EXPIRED_IN_GRACE: "valid",
  NOT_FOUND: "invalid",
  PRODUCT_MISMATCH: "item_name_mismatch",
  REVOKED: "disabled",
  SUSPENDED: "disabled",
  PAYMENT_OVERDUE: "expired",
  EXPIRED: "expired",
  NOT_ACTIVATED: "inactive",
  FINGERPRINT_MISMATCH: "site_inactive",
  DOMAIN_MISMATCH: "site_inactive",
  HEARTBEAT_DEAD: "site_inactive",
  ACTIVATION_LIMIT_REACHED: "no_activations_left",
  ENTITLEMENT_MISSING: "invalid",
  ACTIVATED: "valid",
  ALREADY_ACTIVATED: "valid",
  HEARTBEAT_OK: "valid",
  DEACTIVATED: "deactivated",
  REASSIGNMENT_LIMIT_REACHED: "failed",
  COOLDOWN_ACTIVE: "failed",
};

/** activate_license: the `error` of a refused activation (`license` is then "invalid"). */
export const EDD_ACTIVATE_ERROR: Partial<Record<DecisionCode, string>> = {
  NOT_FOUND: "missing",
  PRODUCT_MISMATCH: "item_name_mismatch",
  REVOKED: "revoked",
  SUSPENDED: "disabled",
  PAYMENT_OVERDUE: "expired",
  EXPIRED: "expired",
  ACTIVATION_LIMIT_REACHED: "no_activations_left",
};

/** Any other refusal (none is expected from an activation). */
export const EDD_ACTIVATE_FALLBACK_ERROR = "license_not_activable";

/** deactivate_license: released, or nothing was active there (the state the client asked for). */
export const EDD_DEACTIVATED_CODES: ReadonlySet<DecisionCode> = new Set(["DEACTIVATED", "NOT_ACTIVATED"]);

/** EDD's expiry: "lifetime" or "YYYY-MM-DD HH:MM:SS" (UTC). */
export function eddExpires(expiresAt: string | null): string {
  return expiresAt === null ? "lifetime" : expiresAt.slice(0, 19).replace("T", " ");
}

/** Who bought it and under which price (plan): sent with every answer about a known license. */
export function eddPurchaseFields(view: LicenseView, facts: CompatLicenseFacts) {
  return {
    expires: eddExpires(view.expiresAt),
    payment_id: facts.order?.id ?? 0,
    customer_name: facts.customer?.name ?? "",
    customer_email: facts.customer?.email ?? "",
    price_id: facts.plan.id,
  };
}

/** The seat counts: Keyfront licenses always have a seat limit, so activations_left is a number. */
export function eddSeatFields(view: LicenseView) {
  return {
    license_limit: view.activationsLimit,
    site_count: view.activationsUsed,
    activations_left: Math.max(0, view.activationsLimit - view.activationsUsed),
  };
}
