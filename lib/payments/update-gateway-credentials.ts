import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ADMIN_ROLES, assertRole, type Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { GATEWAY_FIELDS, saveGatewayCredentials } from "./credentials";
import { GATEWAY_IDS } from "./gateway";

type Ctx = { ip?: string | null; requestId?: string | null };

const gatewaySchema = z.object({ gateway: z.enum(GATEWAY_IDS, { error: "invalid" }) });

/**
 * An admin saves one gateway's credentials from the settings form: a blank field keeps the stored
 * value, a ticked `clear.<field>` removes it. Stored encrypted and audited by field name only.
 * Malformed values are field errors (`credentialInvalid`); nothing is written then.
 */
export async function updateGatewayCredentials(viewer: Viewer | null, input: unknown, ctx: Ctx = {}): Promise<void> {
  assertRole(viewer, ADMIN_ROLES);
  const { gateway } = parseInput(gatewaySchema, input);
  const form = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const values: Record<string, string | null> = {};
  for (const name of Object.keys(GATEWAY_FIELDS[gateway])) {
    const clear = form[`clear.${name}`];
    if (clear === "on" || clear === true) values[name] = null;
    else if (typeof form[name] === "string") values[name] = form[name] as string;
  }
  try {
    await saveGatewayCredentials(gateway, values, { type: "USER", id: viewer.id, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null });
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION_FAILED" && err.fields) {
      // The stored schema's messages are English hints; the form shows its own translated one.
      const fields = Object.fromEntries(Object.keys(err.fields).map((k) => [k, ["credentialInvalid"]]));
      throw new AppError("VALIDATION_FAILED", "Some gateway credentials are not valid.", { fields });
    }
    throw err;
  }
}
