import { z } from "zod";
import type { Endpoint } from "../endpoint";
import { activateBody, deactivateBody, decisionResponse, errorResponse, heartbeatBody, offlineTokenBody, validateBody } from "@/lib/licensing/schemas";
import { activateEndpoint, deactivateEndpoint, heartbeatEndpoint, offlineTokenEndpoint, validateEndpoint } from "./licensing-endpoints";
import { keysEndpoint } from "./keys-endpoint";
import { importLicensesBody, importLicensesEndpoint, importReportSchema } from "./admin-import-endpoint";
import { createLicenseBody, createLicenseEndpoint, getLicenseEndpoint, licenseActionBody, licenseActionEndpoint, listLicensesEndpoint, listQuery } from "./admin-license-endpoints";

// Every /api/v1 endpoint with what the OpenAPI document says of it. The fast dispatcher serves
// exactly this list; the route handlers under app/api/v1 serve the same endpoint objects.
export type EndpointDoc = {
  endpoint: Endpoint;
  summary: string;
  tag: "Licensing" | "Keys" | "Management";
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  apiKey?: boolean;
};

const jwks = z.object({ keys: z.array(z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), alg: z.literal("EdDSA"), use: z.literal("sig"), kid: z.string(), x: z.string(), status: z.enum(["active", "retired"]), publishUntil: z.string().nullable() })) });
const licenseRecord = z.object({ license: z.record(z.string(), z.unknown()) });

export const V1_DOCS: EndpointDoc[] = [
  { endpoint: validateEndpoint, tag: "Licensing", summary: "Validate a license key (optionally for a device, site, product and features)", body: validateBody, response: decisionResponse },
  { endpoint: activateEndpoint, tag: "Licensing", summary: "Activate a license on a device (fingerprint) or site (domain)", body: activateBody, response: decisionResponse.extend({ created: z.boolean() }) },
  { endpoint: deactivateEndpoint, tag: "Licensing", summary: "Release an activation", body: deactivateBody, response: decisionResponse },
  { endpoint: heartbeatEndpoint, tag: "Licensing", summary: "Heartbeat of an activation (floating licenses)", body: heartbeatBody, response: decisionResponse },
  { endpoint: offlineTokenEndpoint, tag: "Licensing", summary: "Check out a signed offline token bound to an activation", body: offlineTokenBody, response: decisionResponse.extend({ offlineToken: z.string().nullable(), offlineTokenExpiresAt: z.string().nullable() }) },
  { endpoint: keysEndpoint, tag: "Keys", summary: "Public Ed25519 keys (JWKS) that verify receipts and offline tokens", response: jwks },
  { endpoint: listLicensesEndpoint, tag: "Management", summary: "Search licenses", query: listQuery, response: z.object({ items: z.array(z.record(z.string(), z.unknown())), nextCursor: z.string().nullable() }), apiKey: true },
  { endpoint: createLicenseEndpoint, tag: "Management", summary: "Create a license (the key is returned once)", body: createLicenseBody, response: licenseRecord.extend({ key: z.string() }), apiKey: true },
  { endpoint: getLicenseEndpoint, tag: "Management", summary: "Get a license with its activations", response: licenseRecord, apiKey: true },
  { endpoint: importLicensesEndpoint, tag: "Management", summary: "Import licenses exported from Easy Digital Downloads, Lemon Squeezy or Keygen (dry run by default)", body: importLicensesBody, response: importReportSchema, apiKey: true },
  { endpoint: licenseActionEndpoint, tag: "Management", summary: "suspend | reinstate | revoke | extend | reset-activations", body: licenseActionBody, response: licenseRecord, apiKey: true },
];

export const ERROR_RESPONSE = errorResponse;
