export { KeyfrontClient } from "./client.js";
export type { ActivateInput, DeactivateInput, HeartbeatInput, KeyfrontClientOptions, OfflineTokenInput, ValidateInput } from "./client.js";
export { KeyfrontApiError, KeyfrontNetworkError, KeyfrontVerificationError } from "./errors.js";
export type { FetchLike } from "./http.js";
export { MemoryStorage } from "./receipt-cache.js";
export { normalizeDomain, normalizeFingerprint } from "./scope.js";
export { decodeToken, OFFLINE_TOKEN_TYPE, RECEIPT_TYPE, verifyOfflineToken, verifyReceipt, verifyToken } from "./verify.js";
export type { TokenHeader } from "./verify.js";
export { DECISION_CODES } from "./types.js";
export type {
  ActivateDecision, ActivationView, Decision, DecisionCode, Jwks, KeyfrontStorage, LicenseView, OfflineTokenDecision, OfflineTokenPayload,
  OptionalScope, ReceiptPayload, Scope, SigningJwk, TokenFailure, VerifyResult,
} from "./types.js";
