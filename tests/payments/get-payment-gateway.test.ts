import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv, loadEnv } from "@/lib/env";
import { saveGatewayCredentials } from "@/lib/payments/credentials";
import { getPaymentGateway, listAvailableGateways } from "@/lib/payments/get-payment-gateway";

const required = () => ({ DATABASE_URL: getEnv().DATABASE_URL, AUTH_SECRET: getEnv().AUTH_SECRET, ENCRYPTION_KEY: getEnv().ENCRYPTION_KEY });

describe("getPaymentGateway", () => {
  it("builds only configured gateways, and the sandbox only outside production", async () => {
    const dev = loadEnv(required());
    expect(await listAvailableGateways(dev)).toEqual(["sandbox"]);
    await expect(getPaymentGateway("plisio", dev)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await saveGatewayCredentials("plisio", { secretKey: "plisio-key" });
    expect(await listAvailableGateways(dev)).toEqual(["plisio", "sandbox"]);
    expect((await getPaymentGateway("plisio", dev)).id).toBe("plisio");
    expect((await getPaymentGateway("sandbox", dev)).id).toBe("sandbox");

    await db.setting.deleteMany({ where: { key: "gateway.sandbox.credentials" } });
    const prod = loadEnv({ ...required(), NODE_ENV: "production", STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" });
    expect(await listAvailableGateways(prod)).toEqual(["stripe", "plisio"]);
    await expect(getPaymentGateway("sandbox", prod)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.setting.count({ where: { key: "gateway.sandbox.credentials" } })).toBe(0);
  });
});
