import { emailContext, emailHtml, emailText, type Recipient } from "./email-layout";
import type { OutgoingEmail } from "./enqueue-email";

/** Confirms money credited to the wallet, with the balance after the credit. */
export async function renderWalletTopUp(
  data: Recipient & { amountMinor: bigint; balanceMinor: bigint; currency: string },
): Promise<OutgoingEmail> {
  const ctx = await emailContext(data);
  const { t } = ctx;
  const amount = ctx.money(data.amountMinor, data.currency);
  const subject = t("walletTopUp.subject", { amount });
  const intro = t("walletTopUp.body", { amount, balance: ctx.money(data.balanceMinor, data.currency) });
  const action = { label: t("walletTopUp.action"), url: ctx.url("/account/wallet") };
  const parts = { subject, intro, action, footer: t("orderFooter") };
  return { to: data.to, subject, html: emailHtml(ctx, parts), text: emailText(ctx, parts), template: "walletTopUp", locale: ctx.locale };
}
