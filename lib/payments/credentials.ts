import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { GatewayId } from "./gateway";

// Each gateway's credentials come from env (wins, field by field) or from the Setting table,
// encrypted with AES-256-GCM and bound to their row. Secrets never leave this module in full
// for display: callers that show them get the masked form.
type Field = { env: keyof Env & string; secret: boolean; required: boolean };

export const GATEWAY_FIELDS = {
  stripe: {
    secretKey: { env: "STRIPE_SECRET_KEY", secret: true, required: true },
    webhookSecret: { env: "STRIPE_WEBHOOK_SECRET", secret: true, required: true },
    publishableKey: { env: "STRIPE_PUBLISHABLE_KEY", secret: false, required: false },
  },
  paypal: {
    clientId: { env: "PAYPAL_CLIENT_ID", secret: false, required: true },
    clientSecret: { env: "PAYPAL_CLIENT_SECRET", secret: true, required: true },
    webhookId: { env: "PAYPAL_WEBHOOK_ID", secret: false, required: true },
    mode: { env: "PAYPAL_MODE", secret: false, required: false },
  },
  cryptomus: {
    merchantId: { env: "CRYPTOMUS_MERCHANT_ID", secret: false, required: true },
    paymentApiKey: { env: "CRYPTOMUS_PAYMENT_KEY", secret: true, required: true },
  },
  nowpayments: {
    apiKey: { env: "NOWPAYMENTS_API_KEY", secret: true, required: true },
    ipnSecret: { env: "NOWPAYMENTS_IPN_SECRET", secret: true, required: true },
  },
  plisio: { secretKey: { env: "PLISIO_SECRET_KEY", secret: true, required: true } },
  sandbox: { secret: { env: "SANDBOX_GATEWAY_SECRET", secret: true, required: true } },
} as const satisfies Record<GatewayId, Record<string, Field>>;

type Fields = typeof GATEWAY_FIELDS;
export type CredentialField<G extends GatewayId> = keyof Fields[G] & string;
export type GatewayCredentials<G extends GatewayId> = { [K in CredentialField<G>]?: string };
export type CredentialSource = "env" | "database";
export type MaskedCredential = { value: string | null; source: CredentialSource | null; secret: boolean };

const value = z.string().trim().max(4096);
const FORMATS: Partial<Record<string, z.ZodType<string>>> = {
  STRIPE_SECRET_KEY: value.regex(/^(sk|rk)_/, "must start with sk_ or rk_"),
  STRIPE_WEBHOOK_SECRET: value.startsWith("whsec_", "must start with whsec_"),
  STRIPE_PUBLISHABLE_KEY: value.startsWith("pk_", "must start with pk_"),
  PAYPAL_MODE: z.enum(["live", "sandbox"]),
  SANDBOX_GATEWAY_SECRET: value.min(32, "must be at least 32 characters"),
};

/** Admin form/action schema for one gateway: "" keeps the stored value, null clears it. */
export function credentialsInputSchema<G extends GatewayId>(gateway: G) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(GATEWAY_FIELDS[gateway] as Record<string, Field>)) {
    shape[name] = z.union([z.literal(""), FORMATS[field.env] ?? value.min(1)]).nullable().optional();
  }
  return z.object(shape).strict();
}

const settingKey = (gateway: GatewayId) => `gateway.${gateway}.credentials`;
const aad = (gateway: GatewayId) => `setting:${settingKey(gateway)}`;
const storedSchema = z.record(z.string(), z.string());

async function readStored(gateway: GatewayId): Promise<Record<string, string>> {
  const row = await db.setting.findUnique({ where: { key: settingKey(gateway) }, select: { valueEnc: true } });
  if (!row?.valueEnc) return {};
  return storedSchema.parse(JSON.parse(decryptSecret(row.valueEnc, aad(gateway))));
}

async function resolve<G extends GatewayId>(gateway: G, env: Env) {
  const stored = await readStored(gateway);
  const result: Record<string, { value: string; source: CredentialSource } | undefined> = {};
  for (const [name, field] of Object.entries(GATEWAY_FIELDS[gateway] as Record<string, Field>)) {
    const fromEnv = env[field.env];
    if (typeof fromEnv === "string" && fromEnv !== "") result[name] = { value: fromEnv, source: "env" };
    else if (stored[name]) result[name] = { value: stored[name], source: "database" };
  }
  return result;
}

/** Full credentials, for building the gateway adapter on the server only. */
export async function getGatewayCredentials<G extends GatewayId>(gateway: G, env: Env = getEnv()): Promise<GatewayCredentials<G>> {
  const resolved = await resolve(gateway, env);
  return Object.fromEntries(Object.entries(resolved).flatMap(([k, v]) => (v ? [[k, v.value]] : []))) as GatewayCredentials<G>;
}

export async function isGatewayConfigured(gateway: GatewayId, env: Env = getEnv()): Promise<boolean> {
  const resolved = await resolve(gateway, env);
  return Object.entries(GATEWAY_FIELDS[gateway] as Record<string, Field>).every(([name, f]) => !f.required || resolved[name]);
}

export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `••••${secret.slice(-4)}` : "••••";
}

/** What the admin panel may show: secrets masked, where each value comes from. */
export async function getMaskedGatewayCredentials(gateway: GatewayId, env: Env = getEnv()): Promise<Record<string, MaskedCredential>> {
  const resolved = await resolve(gateway, env);
  const out: Record<string, MaskedCredential> = {};
  for (const [name, field] of Object.entries(GATEWAY_FIELDS[gateway] as Record<string, Field>)) {
    const v = resolved[name];
    out[name] = { value: v ? (field.secret ? maskSecret(v.value) : v.value) : null, source: v?.source ?? null, secret: field.secret };
  }
  return out;
}

/**
 * Saves credentials encrypted; blank fields keep their stored value, null clears one. The change
 * is audited in the same transaction by field name only (never a value); without an actor it is
 * recorded as a system change.
 */
export async function saveGatewayCredentials(gateway: GatewayId, input: unknown, actor: AuditActor = { type: "SYSTEM" }): Promise<void> {
  const parsed = credentialsInputSchema(gateway).safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
    throw new AppError("VALIDATION_FAILED", "Some gateway credentials are not valid", { fields });
  }
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${settingKey(gateway)}))`;
    const row = await tx.setting.findUnique({ where: { key: settingKey(gateway) }, select: { valueEnc: true } });
    const stored = row?.valueEnc ? storedSchema.parse(JSON.parse(decryptSecret(row.valueEnc, aad(gateway)))) : {};
    const set: string[] = [];
    const cleared: string[] = [];
    for (const [name, v] of Object.entries(parsed.data as Record<string, string | null | undefined>)) {
      if (v === null) {
        if (name in stored) cleared.push(name);
        delete stored[name];
      } else if (v) {
        if (stored[name] !== v) set.push(name);
        stored[name] = v;
      }
    }
    const valueEnc = encryptSecret(JSON.stringify(stored), aad(gateway));
    await tx.setting.upsert({ where: { key: settingKey(gateway) }, create: { key: settingKey(gateway), valueEnc }, update: { valueEnc } });
    if (set.length || cleared.length) await recordAudit(tx, actor, "gateway.credentials_saved", { type: "gateway", id: gateway }, { set, cleared });
  });
}

/** The sandbox gateway's signing secret: env, else stored, else generated once per install. */
export async function getSandboxSecret(env: Env = getEnv()): Promise<string> {
  if (env.SANDBOX_GATEWAY_SECRET) return env.SANDBOX_GATEWAY_SECRET;
  const stored = await readStored("sandbox");
  if (stored.secret) return stored.secret;
  const generated = randomBytes(32).toString("base64url");
  const valueEnc = encryptSecret(JSON.stringify({ secret: generated }), aad("sandbox"));
  // concurrent first starts: one insert wins, everyone reads the winner
  await db.setting.createMany({ data: [{ key: settingKey("sandbox"), valueEnc }], skipDuplicates: true });
  const winner = (await readStored("sandbox")).secret;
  if (!winner) throw new AppError("INTERNAL", "Sandbox gateway secret could not be stored");
  return winner;
}
