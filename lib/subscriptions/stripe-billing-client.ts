import Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getGatewayCredentials } from "@/lib/payments/credentials";
import { providerError } from "@/lib/payments/provider-error";

// The Stripe SDK for Stripe Billing (subscription Checkout Sessions, subscription updates, and the
// lookups that tie a disputed or refunded payment to its subscription). Built from the gateway
// credentials (env or admin panel) on each use, so a key changed in the admin panel applies at once.
export async function getStripeBillingClient(): Promise<Stripe> {
  const env = getEnv();
  const { secretKey } = await getGatewayCredentials("stripe", env);
  if (!secretKey) throw new AppError("GATEWAY_UNAVAILABLE", "The stripe gateway is not configured.");
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return new Stripe(secretKey, {
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol === "http:" ? "http" : "https" } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Keyfront" },
  });
}

/** Runs one Stripe call; Stripe's errors and network failures become AppErrors (5xx ones are retryable). */
export async function stripeCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Stripe.errors.StripeError) {
      const status = error.type === "StripeIdempotencyError" ? 409 : error.code === "resource_missing" ? 404 : (error.statusCode ?? 0);
      throw providerError("stripe", status, error.message, error);
    }
    throw providerError("stripe", 0, error instanceof Error ? error.message : String(error), error);
  }
}
