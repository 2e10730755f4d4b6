import { createTranslator } from "next-intl";
import { getEnv } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { direction, isLocale, type Locale } from "@/lib/i18n/locales";
import type { OutgoingEmail } from "./send-email";

const TEMPLATES = ["verifyEmail", "passwordReset", "accountExists"] as const;
export type EmailTemplate = (typeof TEMPLATES)[number];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Builds a localized transactional email: a greeting, one paragraph, one button, a footer.
 * `path` is the app path (without locale) the button opens.
 */
export async function renderEmail(
  template: EmailTemplate,
  options: { to: string; locale: string; name?: string | null; path: string },
): Promise<OutgoingEmail> {
  const locale: Locale = isLocale(options.locale) ? options.locale : "en";
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Email" });
  const url = new URL(`/${locale}${options.path}`, getEnv().APP_URL).toString();
  const subject = t(`${template}.subject`);
  const greeting = options.name ? t("greetingNamed", { name: options.name }) : t("greeting");
  const body = t(`${template}.body`);
  const action = t(`${template}.action`);
  const footer = t("footer");
  const dir = direction(locale);
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:auto;padding:24px">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:12px;color:#64748b">${escapeHtml(url)}</p><p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p></body></html>`;
  const text = `${greeting}\n\n${body}\n\n${action}: ${url}\n\n${footer}\n`;
  return { to: options.to, subject, html, text, template, locale };
}
