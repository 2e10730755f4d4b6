import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };

describe("env", () => {
  it("fails fast listing every missing or malformed key", () => {
    expect(() => loadEnv({})).toThrow(/DATABASE_URL[\s\S]*AUTH_SECRET[\s\S]*ENCRYPTION_KEY/);
    expect(() => loadEnv({ ...valid, ENCRYPTION_KEY: "short" })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
  });

  it("fills defaults and derives the outbox switch", () => {
    const dev = loadEnv(valid);
    expect(dev).toMatchObject({ APP_URL: "http://localhost:3000", NODE_ENV: "development", devOutbox: true, production: false });
    expect(loadEnv({ ...valid, NODE_ENV: "production" }).devOutbox).toBe(false);
    expect(loadEnv({ ...valid, NODE_ENV: "production", KEYFRONT_EMBEDDED: "1" }).devOutbox).toBe(true);
    expect(loadEnv({ ...valid, NODE_ENV: "production", KEYFRONT_EMBEDDED: "1", RESEND_API_KEY: "re_x" }).devOutbox).toBe(false);
  });

  it("accepts gateway keys as optional and checks their shape", () => {
    const plain = loadEnv(valid);
    expect(plain.STRIPE_SECRET_KEY).toBeUndefined();
    expect(plain.PAYPAL_MODE).toBeUndefined();
    const full = loadEnv({ ...valid, STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", PAYPAL_MODE: "sandbox", PLISIO_SECRET_KEY: "p" });
    expect(full).toMatchObject({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", PAYPAL_MODE: "sandbox", PLISIO_SECRET_KEY: "p" });
    expect(() => loadEnv({ ...valid, STRIPE_SECRET_KEY: "pk_live_1", STRIPE_WEBHOOK_SECRET: "secret" })).toThrow(/STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/);
    expect(() => loadEnv({ ...valid, PAYPAL_MODE: "test" })).toThrow(/PAYPAL_MODE/);
    expect(() => loadEnv({ ...valid, SANDBOX_GATEWAY_SECRET: "short" })).toThrow(/SANDBOX_GATEWAY_SECRET/);
  });
});
