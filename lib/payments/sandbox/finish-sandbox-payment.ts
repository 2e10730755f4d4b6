import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { logger } from "@/lib/logger";
import { getSandboxSecret } from "../credentials";
import { moneyOf } from "../amounts";
import { handlePaymentWebhook } from "../handle-payment-webhook";
import { assertSandboxAllowed, completeSandboxPayment, type SignedSandboxWebhook } from "./client";
import { defaultSandboxStore } from "./store";

// The server side of the hosted sandbox page: what the tester chose becomes a signed webhook to
// /api/webhooks/sandbox, exactly as a provider would send it, and the tester goes back to the shop.

export const SANDBOX_CHOICES = ["pay", "fail", "cancel"] as const;
const finishSchema = z.object({ paymentId: z.string().regex(/^sbx_[0-9a-f]{24}$/, "INVALID"), choice: z.enum(SANDBOX_CHOICES, { error: "INVALID" }) });

export type SandboxPaymentView = { id: string; amountMinor: bigint; currency: string; description: string; pending: boolean; returnUrl: string; cancelUrl: string };

export async function getSandboxPaymentView(paymentId: string): Promise<SandboxPaymentView | null> {
  assertSandboxAllowed();
  if (!/^sbx_[0-9a-f]{24}$/.test(paymentId)) return null;
  const payment = await defaultSandboxStore().get(paymentId);
  if (!payment) return null;
  const amount = moneyOf(payment.amount, payment.currency);
  return { id: payment.id, amountMinor: amount.amountMinor, currency: amount.currency, description: payment.description, pending: payment.status === "pending", returnUrl: payment.returnUrl, cancelUrl: payment.cancelUrl };
}

async function deliver(webhook: SignedSandboxWebhook): Promise<void> {
  const request = () => new Request(webhook.url ?? "http://localhost/api/webhooks/sandbox", { method: "POST", body: webhook.body, headers: webhook.headers });
  if (webhook.url) {
    try {
      const response = await fetch(webhook.url, { method: "POST", body: webhook.body, headers: webhook.headers, signal: AbortSignal.timeout(15_000) });
      if (response.ok) return;
      // e.g. APP_URL points at another server: the event is idempotent, process it here too
      logger.warn("sandbox webhook answered with an error; processing it here", { status: response.status });
    } catch (err) {
      logger.warn("sandbox webhook URL unreachable; processing it here", { err });
    }
  }
  // The same signed bytes through the same verification, in this process.
  await handlePaymentWebhook("sandbox", request());
}

/** Completes a sandbox payment as chosen, delivers its signed webhook, and says where to go next. */
export async function finishSandboxPayment(input: { paymentId: string; choice: (typeof SANDBOX_CHOICES)[number] }): Promise<{ redirectUrl: string }> {
  assertSandboxAllowed();
  const { paymentId, choice } = parseInput(finishSchema, input);
  const payment = await defaultSandboxStore().get(paymentId);
  if (!payment) throw new AppError("NOT_FOUND", "Unknown sandbox payment.");
  if (payment.status !== "pending") return { redirectUrl: payment.returnUrl };
  const status = choice === "pay" ? "succeeded" : choice === "fail" ? "failed" : "canceled";
  const webhook = await completeSandboxPayment(paymentId, { status }, { secret: await getSandboxSecret() });
  await deliver(webhook);
  return { redirectUrl: choice === "cancel" ? payment.cancelUrl : payment.returnUrl };
}
