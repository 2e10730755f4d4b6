import { emailContext, emailHtml, emailText } from "./email-layout";
import type { OutgoingEmail } from "./enqueue-email";

const TEMPLATES = ["verifyEmail", "passwordReset", "accountExists"] as const;
export type EmailTemplate = (typeof TEMPLATES)[number];

/**
 * Builds a localized account email: a greeting, one paragraph, one button, a footer.
 * `path` is the app path (without locale) the button opens.
 */
export async function renderEmail(
  template: EmailTemplate,
  options: { to: string; locale: string; name?: string | null; path: string },
): Promise<OutgoingEmail> {
  const ctx = await emailContext(options);
  const { t } = ctx;
  const subject = t(`${template}.subject`);
  const action = { label: t(`${template}.action`), url: ctx.url(options.path) };
  const parts = { subject, intro: t(`${template}.body`), action, footer: t("footer") };
  return { to: options.to, subject, html: emailHtml(ctx, parts), text: emailText(ctx, parts), template, locale: ctx.locale };
}
