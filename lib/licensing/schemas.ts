import { z } from "zod";
import { DECISION_CODES } from "./codes";
import { normalizeDomain, normalizeFingerprint } from "./domains";

// Input and output shapes of the licensing API; the OpenAPI document is generated from these.
export const licenseKeyField = z.string().min(1, "Required.").max(256, "Too long.").describe("License key, e.g. KF-XXXXX-XXXXX-XXXXX-XXXXX, or a key imported from another platform (kept verbatim)");

export const fingerprintField = z
  .string()
  .max(256, "Too long.")
  .transform((v, ctx) => normalizeFingerprint(v) ?? (ctx.addIssue({ code: "custom", message: "Must be 16–256 printable ASCII characters (a hash of the device)." }), z.NEVER))
  .describe("Hash of the device's hardware identity (software licenses)");

export const domainField = z
  .string()
  .max(300, "Too long.")
  .transform((v, ctx) => normalizeDomain(v) ?? (ctx.addIssue({ code: "custom", message: "Not a valid domain name." }), z.NEVER))
  .describe("Site domain or URL (site licenses); normalized to lower case, punycode, without www.");

const productField = z.string().min(1).max(100).describe("Product slug or id the client belongs to");
const oneScope = (v: { fingerprint?: string; domain?: string }) => !(v.fingerprint !== undefined && v.domain !== undefined);
const scopeMessage = { message: "Send either fingerprint or domain, not both.", path: ["domain"] };
const exactlyOneScope = (v: { fingerprint?: string; domain?: string }) => (v.fingerprint === undefined) !== (v.domain === undefined);
const exactlyOneMessage = { message: "Send a fingerprint (software licenses) or a domain (site licenses).", path: ["fingerprint"] };

export const validateBody = z
  .object({
    key: licenseKeyField,
    product: productField.optional(),
    fingerprint: fingerprintField.optional(),
    domain: domainField.optional(),
    entitlements: z.array(z.string().min(1).max(64)).max(50).optional().describe("Feature codes the client needs"),
    nonce: z.string().min(8).max(128).optional().describe("Client challenge echoed inside the signed receipt"),
  })
  .refine(oneScope, scopeMessage);

export const activateBody = z
  .object({
    key: licenseKeyField,
    product: productField.optional(),
    fingerprint: fingerprintField.optional(),
    domain: domainField.optional(),
    label: z.string().trim().max(120).optional().describe("Name shown to the customer, e.g. the computer's name"),
  })
  .refine(exactlyOneScope, exactlyOneMessage);

export const deactivateBody = z
  .object({
    key: licenseKeyField,
    activationId: z.string().min(1).max(64).optional(),
    fingerprint: fingerprintField.optional(),
    domain: domainField.optional(),
  })
  .refine((v) => [v.activationId, v.fingerprint, v.domain].filter((x) => x !== undefined).length === 1, {
    message: "Send exactly one of activationId, fingerprint or domain.",
    path: ["activationId"],
  });

export const heartbeatBody = z.object({ key: licenseKeyField });

export const offlineTokenBody = z
  .object({
    key: licenseKeyField,
    product: productField.optional(),
    fingerprint: fingerprintField.optional(),
    domain: domainField.optional(),
    ttlSec: z.number().int().min(60).max(366 * 86_400).optional().describe("Shorter than the plan's offline TTL if wanted"),
  })
  .refine(exactlyOneScope, exactlyOneMessage);

export const licenseViewSchema = z.object({
  id: z.string(),
  status: z.enum(["active", "suspended", "revoked", "expired"]),
  product: z.string(),
  plan: z.string(),
  expiresAt: z.string().nullable(),
  graceEndsAt: z.string().nullable(),
  entitlements: z.array(z.string()),
  activationsUsed: z.number().int(),
  activationsLimit: z.number().int(),
});

export const activationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["fingerprint", "domain"]),
  identifier: z.string(),
  label: z.string().nullable(),
  status: z.enum(["active", "released", "dead"]),
  counts: z.boolean(),
  heartbeatDueAt: z.string().nullable(),
  createdAt: z.string(),
});

export const decisionResponse = z.object({
  valid: z.boolean(),
  code: z.enum(DECISION_CODES),
  detail: z.string().describe("English explanation"),
  message: z.string().describe("Explanation in the language of Accept-Language"),
  license: licenseViewSchema.nullable(),
  activation: activationViewSchema.nullable(),
  receipt: z.string().describe("Ed25519-signed receipt (compact JWS, typ kf-receipt+jwt)"),
});

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() }),
});
