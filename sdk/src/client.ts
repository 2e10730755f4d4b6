// Client for the Keyfront licensing API: every decision's signed receipt is verified before it is
// returned, the last good receipt per key and scope is kept for answering while offline.
import { KeyfrontApiError, KeyfrontNetworkError, KeyfrontVerificationError } from "./errors.js";
import { encodeBase64url } from "./base64url.js";
import { requestJson, type FetchLike, type Transport } from "./http.js";
import { KeySet } from "./key-set.js";
import { assertMatchesReceipt, parseDecisionBody } from "./parse-decision.js";
import { MemoryStorage, ReceiptCache } from "./receipt-cache.js";
import { normalizeDomain, normalizeFingerprint, scopeLabel } from "./scope.js";
import { decodeToken, verifyOfflineToken, verifyReceipt } from "./verify.js";
import type {
  ActivateDecision, Decision, Jwks, KeyfrontStorage, OfflineTokenDecision, OfflineTokenPayload, OptionalScope, ReceiptPayload, Scope, SigningJwk, VerifyResult,
} from "./types.js";

export type KeyfrontClientOptions = {
  /** Where Keyfront runs, e.g. "https://licenses.example.com". */
  baseUrl: string;
  /** Product slug or id this app belongs to; the API refuses keys of other products. */
  product?: string;
  /** A fetch implementation (default: the global fetch). */
  fetch?: FetchLike;
  /** Where receipts and keys are cached (default: in memory). */
  storage?: KeyfrontStorage;
  /** Accept-Language for the localized `message`, e.g. "de-DE". */
  locale?: string;
  /** Per-request timeout (default 10 000 ms). */
  timeoutMs?: number;
  /** Signing keys shipped with the app, trusted besides the API's JWKS. */
  keys?: Jwks | readonly SigningJwk[];
  /** Clock in milliseconds since the epoch (default Date.now). */
  now?: () => number;
  /** Prefix of the storage keys (default "keyfront"). */
  storagePrefix?: string;
};

export type ActivateInput = { key: string; label?: string } & Scope;
export type ValidateInput = { key: string; entitlements?: string[] } & OptionalScope;
export type DeactivateInput = { key: string } & ({ activationId: string; fingerprint?: undefined; domain?: undefined } | ({ activationId?: undefined } & Scope));
export type HeartbeatInput = { key: string; activationId: string };
export type OfflineTokenInput = { key: string; ttlSec?: number } & Scope;

/** Answers that say the activation stays as it was; every other refusal drops its cached receipt. */
const KEEPS_ACTIVATION = new Set(["COOLDOWN_ACTIVE", "REASSIGNMENT_LIMIT_REACHED"]);

/** Failures where no decision arrived: the cached receipt may answer instead. */
function isUnreachable(err: unknown): boolean {
  if (err instanceof KeyfrontNetworkError) return true;
  if (err instanceof KeyfrontApiError) return err.status >= 500;
  return err instanceof KeyfrontVerificationError && err.reason === "UNEXPECTED_RESPONSE";
}

function randomNonce(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

export class KeyfrontClient {
  private readonly transport: Transport;
  private readonly product: string | undefined;
  private readonly cache: ReceiptCache;
  private readonly keySet: KeySet;
  private readonly now: () => number;
  /** Activation id → storage slot of its cached receipt, for deactivation by id. */
  private readonly slotsOfActivation = new Map<string, string>();

  constructor(options: KeyfrontClientOptions) {
    if (!options || typeof options.baseUrl !== "string" || options.baseUrl === "") throw new TypeError("KeyfrontClient needs a baseUrl.");
    const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
    this.transport = { baseUrl: options.baseUrl.replace(/\/+$/, ""), fetch: fetchFn, locale: options.locale, timeoutMs: options.timeoutMs ?? 10_000 };
    this.product = options.product;
    this.now = options.now ?? Date.now;
    this.cache = new ReceiptCache(options.storage ?? new MemoryStorage(), options.storagePrefix);
    const pinned = options.keys === undefined ? [] : Array.isArray(options.keys) ? options.keys : (options.keys as Jwks).keys;
    this.keySet = new KeySet(() => this.fetchKeys(), this.cache, pinned, this.now);
  }

  /** Binds the license to this device (fingerprint) or site (domain). */
  async activate(input: ActivateInput): Promise<ActivateDecision> {
    const { decision, extra } = await this.decide("/api/v1/licenses/activate", {
      key: input.key, product: this.product, fingerprint: input.fingerprint, domain: input.domain, label: input.label,
    });
    return { ...decision, created: extra.created === true };
  }

  /**
   * Asks whether the license may be used here. A random nonce proves the receipt is fresh. When
   * the API cannot be reached (network error, timeout, 5xx) and the last good receipt for this key
   * and scope is unexpired, answers from it with `offline: true`; otherwise the error is thrown.
   */
  async validate(input: ValidateInput): Promise<Decision> {
    const nonce = randomNonce();
    const slot = await this.cache.slot(this.product, input.key, scopeLabel(input));
    let decision: Decision;
    try {
      ({ decision } = await this.decide(
        "/api/v1/licenses/validate",
        { key: input.key, product: this.product, fingerprint: input.fingerprint, domain: input.domain, entitlements: input.entitlements, nonce },
        nonce,
      ));
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const cached = await this.fromCache(slot, input);
      if (cached) return cached;
      throw err;
    }
    if (decision.valid) {
      const { receipt, detail, message, license, activation } = decision;
      await this.cache.write(slot, { receipt, detail, message, license, activation });
      if (activation) this.slotsOfActivation.set(activation.id, slot);
    } else if (decision.code !== "ENTITLEMENT_MISSING") {
      // A missing feature says nothing against the license itself: its receipt stays.
      await this.cache.remove(slot);
    }
    return decision;
  }

  /** Releases an activation (by id, fingerprint or domain) and forgets its cached receipt. */
  async deactivate(input: DeactivateInput): Promise<Decision> {
    const { decision } = await this.decide("/api/v1/licenses/deactivate", {
      key: input.key, activationId: input.activationId, fingerprint: input.fingerprint, domain: input.domain,
    });
    if (!KEEPS_ACTIVATION.has(decision.code)) {
      if (input.activationId !== undefined) await this.forgetActivation(input.activationId);
      else await this.clearCache(input);
    }
    return decision;
  }

  /** Tells the API this activation is alive (plans with heartbeats). */
  async heartbeat(input: HeartbeatInput): Promise<Decision> {
    const { decision } = await this.decide(`/api/v1/activations/${encodeURIComponent(input.activationId)}/heartbeat`, { key: input.key });
    if (!decision.valid) await this.forgetActivation(input.activationId);
    return decision;
  }

  /** Checks out a license file for offline use, verified and bound to this device or site. */
  async checkoutOfflineToken(input: OfflineTokenInput): Promise<OfflineTokenDecision> {
    const { decision, extra } = await this.decide("/api/v1/licenses/offline-token", {
      key: input.key, product: this.product, fingerprint: input.fingerprint, domain: input.domain, ttlSec: input.ttlSec,
    });
    const token = typeof extra.offlineToken === "string" ? extra.offlineToken : null;
    let payload: OfflineTokenPayload | null = null;
    if (token !== null) {
      const checked = await this.verifyOfflineToken(token, input.fingerprint !== undefined ? { fingerprint: input.fingerprint } : { domain: input.domain });
      if (!checked.ok) throw new KeyfrontVerificationError(checked.reason, `The offline token does not verify (${checked.reason}).`);
      payload = checked.payload;
    }
    const expiresAt = typeof extra.offlineTokenExpiresAt === "string" ? extra.offlineTokenExpiresAt : null;
    return { ...decision, offlineToken: token, offlineTokenExpiresAt: expiresAt, offlineTokenPayload: payload };
  }

  /** The API's public signing keys (GET /api/v1/keys), cached in memory. */
  getKeys(options: { refresh?: boolean } = {}): Promise<Jwks> {
    return this.keySet.get(options.refresh === true);
  }

  /** Verifies a receipt with the known keys, fetching the JWKS again for an unknown kid. */
  verifyReceipt(token: string): Promise<VerifyResult<ReceiptPayload>> {
    return this.keySet.verify(decodeToken(token)?.header.kid, (jwks) => verifyReceipt(token, { jwks, now: this.now() }), true);
  }

  /** Verifies an offline token for this device or site, fetching the JWKS again for an unknown kid. */
  verifyOfflineToken(token: string, scope: Scope & { product?: string }): Promise<VerifyResult<OfflineTokenPayload>> {
    const kid = decodeToken(token)?.header.kid;
    return this.keySet.verify(kid, (jwks) => verifyOfflineToken(token, { ...scope, jwks, now: this.now() }), true);
  }

  /** Forgets the cached receipt of a key in a scope (e.g. when the user signs out). */
  async clearCache(input: { key: string } & OptionalScope): Promise<void> {
    await this.cache.remove(await this.cache.slot(this.product, input.key, scopeLabel(input)));
  }

  private async fetchKeys(): Promise<Jwks> {
    const json = await requestJson(this.transport, "GET", "/api/v1/keys");
    const keys = typeof json === "object" && json !== null && Array.isArray((json as Jwks).keys) ? (json as Jwks).keys : null;
    if (!keys) throw new KeyfrontVerificationError("UNEXPECTED_RESPONSE", "GET /api/v1/keys did not answer with a JWKS.");
    return { keys };
  }

  /** Sends a licensing request and returns the decision once its receipt verifies. */
  private async decide(path: string, body: Record<string, unknown>, nonce?: string) {
    const parsed = parseDecisionBody(await requestJson(this.transport, "POST", path, body));
    // A key set that cannot be fetched now reports UNKNOWN_KEY: a decision arrived, so this
    // must not look like an unreachable API.
    const checked = await this.verifyReceipt(parsed.receipt);
    if (!checked.ok) throw new KeyfrontVerificationError(checked.reason, `The decision's receipt does not verify (${checked.reason}).`);
    assertMatchesReceipt(parsed, checked.payload, nonce);
    const { extra, ...fields } = parsed;
    const decision: Decision = { ...fields, receiptPayload: checked.payload, offline: false };
    return { decision, extra };
  }

  /** The cached receipt's decision if it still verifies, is unexpired and covers the request. */
  private async fromCache(slot: string, input: ValidateInput): Promise<Decision | null> {
    const entry = await this.cache.read(slot);
    if (!entry) return null;
    const jwks = await this.keySet.known();
    const checked = await verifyReceipt(entry.receipt, { jwks, now: this.now() });
    if (!checked.ok) {
      if (checked.reason === "EXPIRED") await this.cache.remove(slot);
      return null;
    }
    const p = checked.payload;
    const sub = input.fingerprint !== undefined ? normalizeFingerprint(input.fingerprint) : input.domain !== undefined ? normalizeDomain(input.domain) : undefined;
    if (!p.valid || (sub !== undefined && p.sub !== sub)) return null;
    if ((input.entitlements ?? []).some((e) => !p.ent.includes(e))) return null;
    return { valid: p.valid, code: p.code, detail: entry.detail, message: entry.message, license: entry.license, activation: entry.activation, receipt: entry.receipt, receiptPayload: p, offline: true };
  }

  /** Drops the receipt cached for an activation that is gone (known from this session's validations). */
  private async forgetActivation(activationId: string): Promise<void> {
    const slot = this.slotsOfActivation.get(activationId);
    if (slot === undefined) return;
    this.slotsOfActivation.delete(activationId);
    await this.cache.remove(slot);
  }
}
