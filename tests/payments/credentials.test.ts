import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv, loadEnv } from "@/lib/env";
import { decryptSecret } from "@/lib/crypto/secret-box";
import {
  getGatewayCredentials, getMaskedGatewayCredentials, getSandboxSecret, isGatewayConfigured, saveGatewayCredentials,
} from "@/lib/payments/credentials";

const base = () => loadEnv({ DATABASE_URL: getEnv().DATABASE_URL, AUTH_SECRET: getEnv().AUTH_SECRET, ENCRYPTION_KEY: getEnv().ENCRYPTION_KEY });

describe("gateway credentials", () => {
  it("stores credentials encrypted and reads them back in full only for the server", async () => {
    const env = base();
    expect(await isGatewayConfigured("stripe", env)).toBe(false);
    await saveGatewayCredentials("stripe", { secretKey: "sk_test_51Habcdefghijklmnop1234", webhookSecret: "whsec_abcdefghijklmnopqrstuv", publishableKey: "pk_test_123" });
    const row = await db.setting.findUniqueOrThrow({ where: { key: "gateway.stripe.credentials" } });
    expect(row.valueEnc).toMatch(/^v1\./);
    expect(row.valueEnc).not.toContain("sk_test");
    expect(row.value).toBeNull();
    expect(JSON.parse(decryptSecret(row.valueEnc!, "setting:gateway.stripe.credentials"))).toMatchObject({ secretKey: "sk_test_51Habcdefghijklmnop1234" });
    expect(await getGatewayCredentials("stripe", env)).toEqual({ secretKey: "sk_test_51Habcdefghijklmnop1234", webhookSecret: "whsec_abcdefghijklmnopqrstuv", publishableKey: "pk_test_123" });
    expect(await isGatewayConfigured("stripe", env)).toBe(true);
  });

  it("masks secrets for display and says where each value comes from", async () => {
    await saveGatewayCredentials("paypal", { clientId: "AYclient", clientSecret: "EGsecret-very-long-value-9876", webhookId: "WH-1" });
    const env = loadEnv({ ...process.env, PAYPAL_WEBHOOK_ID: "WH-FROM-ENV" });
    const masked = await getMaskedGatewayCredentials("paypal", env);
    expect(masked).toEqual({
      clientId: { value: "AYclient", source: "database", secret: false },
      clientSecret: { value: "••••9876", source: "database", secret: true },
      webhookId: { value: "WH-FROM-ENV", source: "env", secret: false },
      mode: { value: null, source: null, secret: false },
    });
    expect(JSON.stringify(masked)).not.toContain("EGsecret");
  });

  it("keeps stored values for blank fields, clears on null, and rejects malformed values with field errors", async () => {
    await saveGatewayCredentials("nowpayments", { apiKey: "NP-KEY-1", ipnSecret: "ipn-1" });
    await saveGatewayCredentials("nowpayments", { apiKey: "", ipnSecret: "ipn-2" });
    expect(await getGatewayCredentials("nowpayments", base())).toEqual({ apiKey: "NP-KEY-1", ipnSecret: "ipn-2" });
    await saveGatewayCredentials("nowpayments", { ipnSecret: null });
    expect(await getGatewayCredentials("nowpayments", base())).toEqual({ apiKey: "NP-KEY-1" });
    await expect(saveGatewayCredentials("stripe", { secretKey: "pk_live_nope", unknown: "x" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED", fields: { secretKey: [expect.stringContaining("sk_")] },
    });
  });

  it("generates the sandbox secret once per install, even when asked concurrently", async () => {
    const env = base();
    const secrets = await Promise.all(Array.from({ length: 5 }, () => getSandboxSecret(env)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    expect(await getSandboxSecret(env)).toBe(secrets[0]);
    expect(await getSandboxSecret(loadEnv({ ...process.env, SANDBOX_GATEWAY_SECRET: "e".repeat(40) }))).toBe("e".repeat(40));
  });
});
