import { enforceApiLimits } from "@/lib/http/api-rate-limit";
import { listPublicSigningKeys } from "@/lib/licensing/signing/signing-keys";
import type { Endpoint } from "../endpoint";

/** The public keys that verify receipts and offline tokens, as a JWKS (by `kid`). */
export const keysEndpoint: Endpoint = {
  id: "listSigningKeys",
  method: "GET",
  path: "/api/v1/keys",
  async handle(req) {
    const headers = await enforceApiLimits([["api:public:ip", req.ip]]);
    const keys = await listPublicSigningKeys();
    return {
      status: 200,
      body: {
        keys: keys.map((k) => ({
          kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig", kid: k.kid, x: k.x,
          status: k.status.toLowerCase(), publishUntil: k.publishUntil?.toISOString() ?? null,
        })),
      },
      headers: { ...headers, "cache-control": "public, max-age=300" },
    };
  },
};
