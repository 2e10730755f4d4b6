import { getEnv, type Env } from "@/lib/env";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { GATEWAY_FIELDS, getMaskedGatewayCredentials, type CredentialSource } from "./credentials";
import { GATEWAY_IDS, type GatewayId } from "./gateway";

export type GatewayFieldSetting = {
  name: string;
  /** The environment variable that, when set, wins over the stored value. */
  envName: string;
  secret: boolean;
  required: boolean;
  /** Masked for secrets, in full otherwise; null when not set anywhere. */
  value: string | null;
  source: CredentialSource | null;
};

export type GatewaySetting = {
  id: GatewayId;
  configured: boolean;
  /** Where the provider should send its webhooks (to paste into its dashboard). */
  webhookUrl: string;
  fields: GatewayFieldSetting[];
};

/** Every payment gateway as the admin settings page shows it (admins only): never a secret in full. */
export async function listGatewaySettings(viewer: Viewer | null, env: Env = getEnv()): Promise<GatewaySetting[]> {
  assertRole(viewer, ADMIN_ROLES);
  return Promise.all(
    GATEWAY_IDS.map(async (id) => {
      const masked = await getMaskedGatewayCredentials(id, env);
      const fields = Object.entries(GATEWAY_FIELDS[id] as Record<string, { env: string; secret: boolean; required: boolean }>).map(([name, f]) => ({
        name, envName: f.env, secret: f.secret, required: f.required, value: masked[name]?.value ?? null, source: masked[name]?.source ?? null,
      }));
      return {
        id,
        configured: fields.every((f) => !f.required || f.value !== null),
        webhookUrl: new URL(`/api/webhooks/${id}`, env.APP_URL).toString(),
        fields,
      };
    }),
  );
}
