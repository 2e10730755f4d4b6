// Shapes of the Keyfront licensing API as the client sees them.

/** Stable decision codes. Switch on `code`; `message` is the text to show the user. */
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
  "ACTIVATED",
  "ALREADY_ACTIVATED",
  "DEACTIVATED",
  "REASSIGNMENT_LIMIT_REACHED",
  "COOLDOWN_ACTIVE",
  "HEARTBEAT_OK",
] as const;

export type DecisionCode = (typeof DECISION_CODES)[number];

export type LicenseView = {
  id: string;
  status: "active" | "suspended" | "revoked" | "expired";
  product: string;
  plan: string;
  expiresAt: string | null;
  graceEndsAt: string | null;
  entitlements: string[];
  activationsUsed: number;
  activationsLimit: number;
};

export type ActivationView = {
  id: string;
  kind: "fingerprint" | "domain";
  identifier: string;
  label: string | null;
  status: "active" | "released" | "dead";
  counts: boolean;
  heartbeatDueAt: string | null;
  createdAt: string;
};

/** Signed content of a receipt (typ kf-receipt+jwt). Times in seconds since the epoch. */
export type ReceiptPayload = {
  lic: string | null;
  product: string | null;
  valid: boolean;
  code: DecisionCode;
  status: string | null;
  ent: string[];
  lexp: string | null;
  act: string | null;
  sub: string | null;
  nonce: string;
  iat: number;
  exp: number;
};

/** Signed content of an offline token (typ kf-offline+jwt), bound to one device or site. */
export type OfflineTokenPayload = {
  lic: string;
  product: string;
  ent: string[];
  lexp: string | null;
  act: string;
  kind: "fingerprint" | "domain";
  sub: string;
  iat: number;
  exp: number;
};

/** A licensing decision whose receipt the client has verified. */
export type Decision = {
  valid: boolean;
  code: DecisionCode;
  /** English explanation. */
  detail: string;
  /** Explanation in the client's locale (Accept-Language). */
  message: string;
  license: LicenseView | null;
  activation: ActivationView | null;
  /** The signed receipt (compact JWS) and its verified payload. */
  receipt: string;
  receiptPayload: ReceiptPayload;
  /** true when the decision comes from a cached receipt because the API was unreachable. */
  offline: boolean;
};

export type ActivateDecision = Decision & { created: boolean };

export type OfflineTokenDecision = Decision & {
  /** null unless the decision is valid. */
  offlineToken: string | null;
  offlineTokenExpiresAt: string | null;
  offlineTokenPayload: OfflineTokenPayload | null;
};

/** One public key of GET /api/v1/keys. */
export type SigningJwk = {
  kty: "OKP";
  crv: "Ed25519";
  kid: string;
  x: string;
  alg?: string;
  use?: string;
  status?: "active" | "retired";
  publishUntil?: string | null;
};

export type Jwks = { keys: SigningJwk[] };

/** Where to bind: a device fingerprint (software licenses) or a domain (site licenses). */
export type Scope = { fingerprint: string; domain?: never } | { domain: string; fingerprint?: never };
export type OptionalScope = Scope | { fingerprint?: undefined; domain?: undefined };

export type TokenFailure = "MALFORMED" | "UNKNOWN_KEY" | "BAD_SIGNATURE" | "EXPIRED" | "WRONG_TYPE" | "SUBJECT_MISMATCH" | "PRODUCT_MISMATCH";
export type VerifyResult<T> = { ok: true; payload: T; kid: string } | { ok: false; reason: TokenFailure };

/** Persistent string storage for cached receipts and keys (localStorage, a file, a keychain…). */
export interface KeyfrontStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  /** Optional; without it an entry is overwritten with an empty string. */
  delete?(key: string): void | Promise<void>;
}
