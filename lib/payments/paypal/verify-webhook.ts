import { X509Certificate, createVerify, type KeyObject } from "node:crypto";
import { crc32 } from "node:zlib";
import { headerValue, rawText, rejected, verified, type VerifyResult, type WebhookHeaders } from "../gateway";
import { eventSchema, normalizePaypalEvent } from "./normalize";

// PayPal's certificate-based webhook signature, verified locally (no call to PayPal's
// verify-webhook-signature API):
//   signed = `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody)}` (unsigned decimal)
//   paypal-transmission-sig = base64 RSA-SHA256 signature of `signed`
// The certificate comes from `paypal-cert-url`, but only from PayPal's own hosts (or a test
// origin the caller names), over https, and is cached per URL.
export const PAYPAL_CERT_ORIGINS = ["https://api.paypal.com", "https://api.sandbox.paypal.com"] as const;
export const PAYPAL_TOLERANCE_SEC = 600;
const ALGORITHMS: Record<string, string> = { SHA256withRSA: "RSA-SHA256" };
const CERT_CACHE_LIMIT = 32;

export type PaypalWebhookOptions = {
  webhookId: string;
  /** Extra allowed certificate origin, e.g. a local fake in tests ("http://127.0.0.1:4010"). */
  testCertOrigin?: string;
  toleranceSec?: number;
  now?: () => number;
};

type CachedCert = { key: KeyObject; validFrom: number; validTo: number };
const certCache = new Map<string, Promise<CachedCert>>();

export function clearPaypalCertCache(): void {
  certCache.clear();
}

class CertFailure extends Error {
  constructor(readonly reason: "unavailable" | "cert_invalid", message: string) {
    super(message);
  }
}

async function downloadCert(url: string): Promise<CachedCert> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new CertFailure("unavailable", `PayPal certificate could not be fetched: ${String(error)}`);
  }
  if (!response.ok) throw new CertFailure(response.status >= 500 ? "unavailable" : "cert_invalid", `PayPal certificate URL answered ${response.status}`);
  try {
    const cert = new X509Certificate(await response.text());
    const validFrom = Date.parse(cert.validFrom);
    const validTo = Date.parse(cert.validTo);
    if (Number.isNaN(validFrom) || Number.isNaN(validTo)) throw new Error("unreadable validity dates");
    return { key: cert.publicKey, validFrom, validTo };
  } catch {
    throw new CertFailure("cert_invalid", "PayPal certificate is not a valid X.509 certificate");
  }
}

function loadCert(url: string): Promise<CachedCert> {
  let pending = certCache.get(url);
  if (!pending) {
    if (certCache.size >= CERT_CACHE_LIMIT) certCache.delete(certCache.keys().next().value!);
    pending = downloadCert(url);
    // failures are not cached: the next delivery tries again
    pending.catch(() => certCache.delete(url));
    certCache.set(url, pending);
  }
  return pending;
}

export function allowedCertUrl(certUrl: string, testOrigin?: string): boolean {
  let url: URL;
  try {
    url = new URL(certUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const origins: string[] = [...PAYPAL_CERT_ORIGINS];
  if (testOrigin) origins.push(new URL(testOrigin).origin);
  return origins.includes(url.origin);
}

export function paypalSignedString(transmissionId: string, transmissionTime: string, webhookId: string, rawBody: Buffer | string): string {
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(body) >>> 0}`;
}

export async function verifyPaypalWebhook(rawBody: Buffer | string, headers: WebhookHeaders, options: PaypalWebhookOptions): Promise<VerifyResult> {
  if (!options.webhookId) return rejected("not_configured", "PayPal webhook id is not configured");
  const transmissionId = headerValue(headers, "paypal-transmission-id");
  const transmissionTime = headerValue(headers, "paypal-transmission-time");
  const signature = headerValue(headers, "paypal-transmission-sig");
  const certUrl = headerValue(headers, "paypal-cert-url");
  const algo = headerValue(headers, "paypal-auth-algo");
  if (!transmissionId || !transmissionTime || !signature || !certUrl || !algo) {
    return rejected("missing_signature", "PayPal transmission headers are missing");
  }
  const algorithm = ALGORITHMS[algo];
  if (!algorithm) return rejected("bad_signature", `Unsupported PayPal auth algorithm ${algo.slice(0, 40)}`);
  const sentAt = Date.parse(transmissionTime);
  if (Number.isNaN(sentAt)) return rejected("malformed_payload", "PayPal transmission time is not a date");
  const now = options.now?.() ?? Date.now();
  if (Math.abs(now - sentAt) > (options.toleranceSec ?? PAYPAL_TOLERANCE_SEC) * 1000) {
    return rejected("stale_timestamp", "PayPal transmission time is outside the tolerance window");
  }
  if (!allowedCertUrl(certUrl, options.testCertOrigin)) {
    return rejected("cert_host_not_allowed", "PayPal certificate URL is not on a PayPal host");
  }
  let cert: CachedCert;
  try {
    cert = await loadCert(certUrl);
  } catch (error) {
    if (error instanceof CertFailure) return rejected(error.reason, error.message);
    throw error;
  }
  if (now < cert.validFrom || now > cert.validTo) return rejected("cert_invalid", "PayPal certificate is not valid at this time");
  const verifier = createVerify(algorithm);
  verifier.update(paypalSignedString(transmissionId, transmissionTime, options.webhookId, rawBody));
  let valid = false;
  try {
    valid = verifier.verify(cert.key, Buffer.from(signature, "base64"));
  } catch {
    valid = false;
  }
  if (!valid) return rejected("bad_signature", "PayPal signature does not match the body");
  let parsed;
  try {
    parsed = eventSchema.safeParse(JSON.parse(rawText(rawBody)));
  } catch {
    return rejected("malformed_payload", "PayPal webhook body is not JSON");
  }
  if (!parsed.success) return rejected("malformed_payload", "PayPal event has an unexpected shape");
  try {
    return verified(normalizePaypalEvent(parsed.data));
  } catch {
    return rejected("malformed_payload", `PayPal ${parsed.data.event_type} resource has an unexpected shape`);
  }
}
