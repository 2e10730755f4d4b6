import { AppError } from "@/lib/errors";
import type { GatewayId } from "./gateway";

const LABELS: Record<GatewayId, string> = {
  stripe: "Stripe", paypal: "PayPal", cryptomus: "Cryptomus", nowpayments: "NOWPayments", plisio: "Plisio", sandbox: "Sandbox gateway",
};

// One mapping from a provider's HTTP answer to AppError, shared by every client. What the
// customer or admin may see stays generic; the provider's own message goes into the cause.
export function providerError(provider: GatewayId, status: number, detail: string, cause?: unknown): AppError {
  const label = LABELS[provider];
  const options = { cause: cause ?? new Error(`${provider} ${status}: ${detail}`) };
  if (status === 401 || status === 403) return new AppError("INTERNAL", `${label} rejected the configured credentials`, options);
  if (status === 404) return new AppError("NOT_FOUND", `${label} does not know this payment`, options);
  if (status === 409) return new AppError("CONFLICT", `${label} reports a conflicting request: ${detail}`, options);
  if (status === 429) return new AppError("UNAVAILABLE", `${label} is rate limiting requests; try again shortly`, { ...options, retryAfterSec: 5 });
  if (status >= 500 || status === 0) return new AppError("UNAVAILABLE", `${label} is unavailable; try again shortly`, options);
  return new AppError("BAD_REQUEST", `${label} refused the request: ${detail}`, options);
}

/** Network failure (connection refused, timeout, bad JSON): the provider could not be asked. */
export function unreachable(provider: GatewayId, cause: unknown): AppError {
  return providerError(provider, 0, cause instanceof Error ? cause.message : String(cause), cause);
}

/** `fetch` with a timeout; every failure to get an HTTP answer becomes an UNAVAILABLE AppError. */
export async function providerFetch(provider: GatewayId, url: string, init: RequestInit, timeoutMs = 15_000): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw unreachable(provider, error);
  }
}

/** Reads a JSON body; a body that is not JSON is treated as a provider outage. */
export async function jsonBody(provider: GatewayId, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch (error) {
    throw providerError(provider, response.status >= 400 ? response.status : 502, `non-JSON answer: ${text.slice(0, 200)}`, error);
  }
}
