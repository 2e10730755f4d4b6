import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv, loadEnv } from "@/lib/env";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { getGatewayCredentials } from "@/lib/payments/credentials";
import { listGatewaySettings } from "@/lib/payments/list-gateway-settings";
import { updateGatewayCredentials } from "@/lib/payments/update-gateway-credentials";
import { createUser, viewerOf } from "../support/factories";

const SECRET = "sk_test_51Hsupersecretvalue0000XYZW";
const base = (extra: Record<string, string> = {}) =>
  loadEnv({ DATABASE_URL: getEnv().DATABASE_URL, AUTH_SECRET: getEnv().AUTH_SECRET, ENCRYPTION_KEY: getEnv().ENCRYPTION_KEY, APP_URL: "https://shop.example.test", ...extra });

describe("gateway settings (admin)", () => {
  it("saves credentials encrypted, audits field names only, and shows them masked with their source", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    await updateGatewayCredentials(admin, { gateway: "stripe", secretKey: SECRET, webhookSecret: "whsec_abcdefghijklmnopqrstuvwx", publishableKey: "" }, { ip: "10.0.0.9", requestId: "req-gw" });
    const row = await db.setting.findUniqueOrThrow({ where: { key: "gateway.stripe.credentials" } });
    expect(row.valueEnc).not.toContain(SECRET);
    expect(row.valueEnc).not.toContain("whsec_");
    expect(JSON.parse(decryptSecret(row.valueEnc!, "setting:gateway.stripe.credentials")).secretKey).toBe(SECRET);

    const audit = await db.auditLog.findMany({ where: { action: "gateway.credentials_saved" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, targetType: "gateway", targetId: "stripe", ip: "10.0.0.9", requestId: "req-gw" });
    expect(audit[0]!.data).toEqual({ set: ["secretKey", "webhookSecret"], cleared: [] });
    expect(JSON.stringify(audit)).not.toContain("sk_test");

    const settings = await listGatewaySettings(admin, base({ STRIPE_PUBLISHABLE_KEY: "pk_test_fromenv" }));
    const stripe = settings.find((g) => g.id === "stripe")!;
    expect(stripe).toMatchObject({ configured: true, webhookUrl: "https://shop.example.test/api/webhooks/stripe" });
    expect(stripe.fields).toEqual([
      { name: "secretKey", envName: "STRIPE_SECRET_KEY", secret: true, required: true, value: "••••XYZW", source: "database" },
      { name: "webhookSecret", envName: "STRIPE_WEBHOOK_SECRET", secret: true, required: true, value: "••••uvwx", source: "database" },
      { name: "publishableKey", envName: "STRIPE_PUBLISHABLE_KEY", secret: false, required: false, value: "pk_test_fromenv", source: "env" },
    ]);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    expect(settings.map((g) => g.id)).toEqual(["stripe", "paypal", "cryptomus", "nowpayments", "plisio", "sandbox"]);
    expect(settings.find((g) => g.id === "paypal")).toMatchObject({ configured: false, webhookUrl: "https://shop.example.test/api/webhooks/paypal" });
  });

  it("blank keeps, clear removes, malformed values are field errors and nothing is written", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    await updateGatewayCredentials(admin, { gateway: "nowpayments", apiKey: "NP-KEY-1", ipnSecret: "ipn-1" });
    await updateGatewayCredentials(admin, { gateway: "nowpayments", apiKey: "", "clear.ipnSecret": "on" });
    expect(await getGatewayCredentials("nowpayments", base())).toEqual({ apiKey: "NP-KEY-1" });
    const audits = await db.auditLog.findMany({ where: { targetId: "nowpayments" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([{ set: ["apiKey", "ipnSecret"], cleared: [] }, { set: [], cleared: ["ipnSecret"] }]);

    const before = { settings: await db.setting.findMany(), audit: await db.auditLog.count() };
    await expect(updateGatewayCredentials(admin, { gateway: "stripe", secretKey: "pk_live_wrong", webhookSecret: "nope" }))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { secretKey: ["credentialInvalid"], webhookSecret: ["credentialInvalid"] } });
    await expect(updateGatewayCredentials(admin, { gateway: "bitcoin-atm" })).rejects.toMatchObject({ fields: { gateway: ["invalid"] } });
    expect({ settings: await db.setting.findMany(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it.each(["SUPPORT", "CUSTOMER"] as const)("a %s can neither read nor save gateway settings", async (role) => {
    const viewer = viewerOf(await createUser({ role }));
    await expect(listGatewaySettings(viewer, base())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateGatewayCredentials(viewer, { gateway: "plisio", secretKey: "plisio-secret" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.setting.count({ where: { key: "gateway.plisio.credentials" } })).toBe(0);
  });
});
