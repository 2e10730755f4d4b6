import { createTranslator } from "next-intl";
import { getEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { loadMessages } from "@/lib/i18n/messages";
import { direction, isLocale, type Locale } from "@/lib/i18n/locales";

// Shared pieces of every transactional email: the recipient's locale and direction, the `Email`
// translations, locale-aware dates and money, HTML escaping and the one-column layout.

export type Recipient = { to: string; locale: string; name?: string | null };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export async function emailContext(recipient: Recipient) {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "en";
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Email" });
  const dir = direction(locale);
  return {
    locale,
    dir,
    t,
    /** The side text starts on (left in LTR, right in RTL), for table cells. */
    start: dir === "rtl" ? "right" : "left",
    end: dir === "rtl" ? "left" : "right",
    greeting: recipient.name ? t("greetingNamed", { name: recipient.name }) : t("greeting"),
    url: (path: string) => new URL(`/${locale}${path}`, getEnv().APP_URL).toString(),
    money: (amountMinor: bigint, currency: string) => formatMoney(amountMinor, currency, locale),
    date: (value: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(value),
    list: (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items),
  };
}

export type EmailContext = Awaited<ReturnType<typeof emailContext>>;

const MUTED = "font-size:12px;color:#64748b";

/**
 * The HTML document around an email's content. `content` is HTML the template built from
 * escaped values; everything else is escaped here.
 */
export function emailHtml(
  ctx: Pick<EmailContext, "locale" | "dir" | "greeting">,
  parts: { subject: string; intro: string; content?: string; action: { label: string; url: string }; footer: string },
): string {
  const { locale, dir, greeting } = ctx;
  const url = escapeHtml(parts.action.url);
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body dir="${dir}" style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:auto;padding:24px">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(parts.intro)}</p>${parts.content ?? ""}
<p><a href="${url}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>
<p style="${MUTED}" dir="ltr">${url}</p><p style="${MUTED}">${escapeHtml(parts.footer)}</p></body></html>`;
}

/** The plain-text part: greeting, intro, the body lines, the action link, the footer. */
export function emailText(
  ctx: Pick<EmailContext, "greeting">,
  parts: { intro: string; lines?: string[]; action: { label: string; url: string }; footer: string },
): string {
  const body = parts.lines?.length ? `\n\n${parts.lines.join("\n")}` : "";
  return `${ctx.greeting}\n\n${parts.intro}${body}\n\n${parts.action.label}: ${parts.action.url}\n\n${parts.footer}\n`;
}

/** A key, id or code shown in a monospace block, always left-to-right. */
export function monospaceBlock(value: string): string {
  return `<pre dir="ltr" style="font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15px;background:#f1f5f9;border-radius:8px;padding:12px 16px;margin:8px 0;white-space:pre-wrap;word-break:break-all;text-align:left">${escapeHtml(value)}</pre>`;
}
