import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { GATEWAY_IDS, type GatewayId, type PaymentGateway } from "./gateway";
import { getGatewayCredentials, getSandboxSecret, isGatewayConfigured } from "./credentials";
import { createStripeGateway } from "./stripe/client";
import { createPaypalGateway } from "./paypal/client";
import { createCryptomusGateway } from "./cryptomus/client";
import { createNowpaymentsGateway } from "./nowpayments/client";
import { createPlisioGateway } from "./plisio/client";
import { assertSandboxAllowed, createSandboxGateway, isSandboxAllowed } from "./sandbox/client";

function notConfigured(id: GatewayId): never {
  throw new AppError("BAD_REQUEST", `The ${id} gateway is not configured`);
}

/** The adapter for one gateway, built from its current credentials (env or admin panel). */
export async function getPaymentGateway(id: GatewayId, env: Env = getEnv()): Promise<PaymentGateway> {
  switch (id) {
    case "stripe": {
      const c = await getGatewayCredentials("stripe", env);
      if (!c.secretKey || !c.webhookSecret) notConfigured(id);
      return createStripeGateway({ secretKey: c.secretKey, webhookSecret: c.webhookSecret });
    }
    case "paypal": {
      const c = await getGatewayCredentials("paypal", env);
      if (!c.clientId || !c.clientSecret || !c.webhookId) notConfigured(id);
      return createPaypalGateway({ clientId: c.clientId, clientSecret: c.clientSecret, webhookId: c.webhookId, mode: c.mode === "sandbox" ? "sandbox" : "live" });
    }
    case "cryptomus": {
      const c = await getGatewayCredentials("cryptomus", env);
      if (!c.merchantId || !c.paymentApiKey) notConfigured(id);
      return createCryptomusGateway({ merchantId: c.merchantId, paymentApiKey: c.paymentApiKey });
    }
    case "nowpayments": {
      const c = await getGatewayCredentials("nowpayments", env);
      if (!c.apiKey || !c.ipnSecret) notConfigured(id);
      return createNowpaymentsGateway({ apiKey: c.apiKey, ipnSecret: c.ipnSecret });
    }
    case "plisio": {
      const c = await getGatewayCredentials("plisio", env);
      if (!c.secretKey) notConfigured(id);
      return createPlisioGateway({ secretKey: c.secretKey });
    }
    case "sandbox":
      assertSandboxAllowed(env); // before a secret is generated and stored
      return createSandboxGateway({ secret: await getSandboxSecret(env), appUrl: env.APP_URL }, env);
  }
}

/** Gateways a checkout may offer: configured ones, and the sandbox outside production. */
export async function listAvailableGateways(env: Env = getEnv()): Promise<GatewayId[]> {
  const available: GatewayId[] = [];
  for (const id of GATEWAY_IDS) {
    if (id === "sandbox") {
      if (isSandboxAllowed(env)) available.push(id);
    } else if (await isGatewayConfigured(id, env)) available.push(id);
  }
  return available;
}
