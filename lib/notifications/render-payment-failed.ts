import { emailContext, emailHtml, emailText, type Recipient } from "./email-layout";
import type { OutgoingEmail } from "./enqueue-email";

/** Tells a customer a payment failed, with a link to try again (`retryPath`, without locale). */
export async function renderPaymentFailed(
  data: Recipient & { orderId: string; amountMinor: bigint; currency: string; retryPath: string },
): Promise<OutgoingEmail> {
  const ctx = await emailContext(data);
  const { t } = ctx;
  const subject = t("paymentFailed.subject", { orderId: data.orderId });
  const intro = t("paymentFailed.body", { orderId: data.orderId, amount: ctx.money(data.amountMinor, data.currency) });
  const action = { label: t("paymentFailed.action"), url: ctx.url(data.retryPath) };
  const parts = { subject, intro, action, footer: t("orderFooter") };
  return { to: data.to, subject, html: emailHtml(ctx, parts), text: emailText(ctx, parts), template: "paymentFailed", locale: ctx.locale };
}
