// Stable decision codes of the licensing API. Clients switch on `code`; `detail` is the English
// explanation, the localized `message` comes from messages/<locale>.json (Licensing.codes.*).
//
// Evaluation order of a validation (the first rule that applies decides):
//  1. NOT_FOUND                 the key is malformed (bad check character) or unknown
//  2. PRODUCT_MISMATCH          the client names a product the license is not for
//  3. REVOKED                   the license was revoked (refund, chargeback, abuse)
//  4. SUSPENDED                 the license is suspended (can be reinstated)
//  5. PAYMENT_OVERDUE           a subscription payment failed and is not settled
//  6. EXPIRED                   past its expiry and past the plan's grace period
//  7. scope (only when a fingerprint or domain is sent):
//     NOT_ACTIVATED             no live activation for that fingerprint/domain and none at all
//     FINGERPRINT_MISMATCH /    the license is activated, but not on this device / site
//     DOMAIN_MISMATCH
//     HEARTBEAT_DEAD            the activation missed its heartbeats and lost its seat
//     ACTIVATION_LIMIT_REACHED  the activation is beyond the license's current seat count
//  8. ENTITLEMENT_MISSING       the client asks for a feature the license does not include
//  9. EXPIRED_IN_GRACE          expired, but inside the grace period: still valid
// 10. VALID
export const DECISION_CODES = [
  "VALID",
  "EXPIRED_IN_GRACE",
  "NOT_FOUND",
  "PRODUCT_MISMATCH",
  "REVOKED",
  "SUSPENDED",
  "PAYMENT_OVERDUE",
  "EXPIRED",
  "NOT_ACTIVATED",
  "FINGERPRINT_MISMATCH",
  "DOMAIN_MISMATCH",
  "HEARTBEAT_DEAD",
  "ACTIVATION_LIMIT_REACHED",
  "ENTITLEMENT_MISSING",
  // answers of activate / deactivate / heartbeat
  "ACTIVATED",
  "ALREADY_ACTIVATED",
  "DEACTIVATED",
  "REASSIGNMENT_LIMIT_REACHED",
  "COOLDOWN_ACTIVE",
  "HEARTBEAT_OK",
] as const;

export type DecisionCode = (typeof DECISION_CODES)[number];

export const DECISION_DETAIL: Record<DecisionCode, string> = {
  VALID: "The license is valid.",
  EXPIRED_IN_GRACE: "The license has expired but is inside its grace period.",
  NOT_FOUND: "No license matches this key.",
  PRODUCT_MISMATCH: "The license is not for this product.",
  REVOKED: "The license has been revoked.",
  SUSPENDED: "The license is suspended.",
  PAYMENT_OVERDUE: "A payment for this license is overdue.",
  EXPIRED: "The license has expired.",
  NOT_ACTIVATED: "The license is not activated on this device or site.",
  FINGERPRINT_MISMATCH: "The license is activated on other devices, not this one.",
  DOMAIN_MISMATCH: "The license is activated on other sites, not this one.",
  HEARTBEAT_DEAD: "The activation missed its heartbeats and was released.",
  ACTIVATION_LIMIT_REACHED: "The license has no free activations left.",
  ENTITLEMENT_MISSING: "The license does not include a requested feature.",
  ACTIVATED: "The license was activated.",
  ALREADY_ACTIVATED: "The license was already activated here.",
  DEACTIVATED: "The activation was released.",
  REASSIGNMENT_LIMIT_REACHED: "Too many activations were released recently.",
  COOLDOWN_ACTIVE: "An activation was released moments ago; wait before releasing another.",
  HEARTBEAT_OK: "Heartbeat recorded.",
};

/** Codes that still mean "the software may run". */
export const VALID_CODES: ReadonlySet<DecisionCode> = new Set(["VALID", "EXPIRED_IN_GRACE", "ACTIVATED", "ALREADY_ACTIVATED", "HEARTBEAT_OK"]);

/** The evaluation order above as data (the API reference renders it). Step 7 needs a scope. */
export const VALIDATION_ORDER: readonly { codes: readonly DecisionCode[]; scopeOnly?: boolean }[] = [
  { codes: ["NOT_FOUND"] }, { codes: ["PRODUCT_MISMATCH"] }, { codes: ["REVOKED"] }, { codes: ["SUSPENDED"] },
  { codes: ["PAYMENT_OVERDUE"] }, { codes: ["EXPIRED"] },
  { codes: ["NOT_ACTIVATED", "FINGERPRINT_MISMATCH", "DOMAIN_MISMATCH", "HEARTBEAT_DEAD", "ACTIVATION_LIMIT_REACHED"], scopeOnly: true },
  { codes: ["ENTITLEMENT_MISSING"] }, { codes: ["EXPIRED_IN_GRACE"] }, { codes: ["VALID"] },
];

/** Codes only activate, deactivate and heartbeat answer. */
export const OPERATION_CODES: readonly DecisionCode[] = ["ACTIVATED", "ALREADY_ACTIVATED", "DEACTIVATED", "REASSIGNMENT_LIMIT_REACHED", "COOLDOWN_ACTIVE", "HEARTBEAT_OK"];
