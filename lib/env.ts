import { z } from "zod";

// The only module that reads process.env. Parsed once, on first use, so `next build` can load
// modules without a runtime configuration. Missing or malformed keys fail fast, all listed at once.
const boolish = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("must be a postgresql:// URL"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  // 32 bytes, base64: encrypts secrets at rest (AES-256-GCM)
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  EMAIL_FROM: z.string().default("Keyfront <no-reply@keyfront.local>"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  // Set by the embedded launcher: local outbox page, sandbox gateway, demo data.
  KEYFRONT_EMBEDDED: boolish,
  // Shows every outgoing email at /dev/outbox (never enable on a public server).
  DEV_OUTBOX: boolish,
  // How many reverse proxies in front of Keyfront append to X-Forwarded-For (client IP for rate limits).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  // Ed25519 private key (PKCS#8 PEM) that signs receipts and offline tokens; generated and stored
  // encrypted in the database when absent.
  LICENSE_SIGNING_KEY: z.string().includes("PRIVATE KEY", { message: "must be a PKCS#8 PEM private key" }).optional(),
  // Multiplies every API rate limit (load tests and very large fleets behind one address).
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  // Payment gateways (all optional; the admin panel can store them encrypted in the database instead).
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must start with sk_ or rk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_", "must start with pk_").optional(),
  // Another Stripe API origin for the billing client (a local Stripe-compatible server in tests).
  STRIPE_API_BASE: z.string().url().optional(),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  PAYPAL_MODE: z.enum(["live", "sandbox"]).optional(),
  CRYPTOMUS_MERCHANT_ID: z.string().min(1).optional(),
  CRYPTOMUS_PAYMENT_KEY: z.string().min(1).optional(),
  NOWPAYMENTS_API_KEY: z.string().min(1).optional(),
  NOWPAYMENTS_IPN_SECRET: z.string().min(1).optional(),
  PLISIO_SECRET_KEY: z.string().min(1).optional(),
  // Signs the local sandbox gateway's webhooks; generated per install when absent.
  SANDBOX_GATEWAY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

export type Env = z.infer<typeof schema> & { devOutbox: boolean; production: boolean };

let cached: Env | undefined;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(
      `Invalid Keyfront configuration:\n${lines.join("\n")}\n` +
        "Start with `npm run dev` for the embedded defaults, or see the README's configuration table.",
    );
  }
  const e = result.data;
  return {
    ...e,
    production: e.NODE_ENV === "production",
    devOutbox: e.DEV_OUTBOX || (!e.RESEND_API_KEY && (e.KEYFRONT_EMBEDDED || e.NODE_ENV !== "production")),
  };
}

export function getEnv(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Lazily parsed environment: `env.DATABASE_URL` parses on first access. */
export const env: Env = new Proxy({} as Env, {
  get: (_t, key) => getEnv()[key as keyof Env],
});
