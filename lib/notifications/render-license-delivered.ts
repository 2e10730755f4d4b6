import { emailContext, emailHtml, emailText, escapeHtml, monospaceBlock, type Recipient } from "./email-layout";
import type { OutgoingEmail } from "./enqueue-email";

export type DeliveredLicense = {
  productName: string;
  planName: string;
  seats: number;
  /** The plaintext key, revealed from the license's ciphertext by the caller. */
  key: string;
  expiresAt: Date | null;
};

/** The email that hands a customer the license key(s) of a purchase. Plain data in, no reads. */
export async function renderLicenseDelivered(data: Recipient & { licenses: DeliveredLicense[] }): Promise<OutgoingEmail> {
  if (data.licenses.length === 0) throw new Error("renderLicenseDelivered: no licenses");
  const ctx = await emailContext(data);
  const { t } = ctx;
  const products = [...new Set(data.licenses.map((l) => l.productName))];
  const subject = t("licenseDelivered.subject", { product: ctx.list(products) });
  const action = { label: t("licenseDelivered.action"), url: ctx.url("/account/licenses") };
  const footer = t("orderFooter");
  const intro = t("licenseDelivered.body");

  const facts = (l: DeliveredLicense) => [
    t("licenseDelivered.plan", { plan: l.planName }),
    t("licenseDelivered.seats", { seats: String(l.seats) }),
    l.expiresAt ? t("licenseDelivered.expires", { date: ctx.date(l.expiresAt) }) : t("licenseDelivered.neverExpires"),
  ];

  const content = data.licenses.map((l) => `
<div style="border:1px solid #e2e8f0;border-radius:12px;padding:16px;margin:16px 0">
<p style="margin:0 0 4px;font-weight:600">${escapeHtml(l.productName)}</p>
<p style="margin:0;font-size:14px;color:#334155">${facts(l).map(escapeHtml).join("<br>")}</p>
<p style="margin:12px 0 0;font-size:12px;color:#64748b">${escapeHtml(t("licenseDelivered.key"))}</p>${monospaceBlock(l.key)}
</div>`).join("");

  const lines = data.licenses.flatMap((l, i) => [
    ...(i > 0 ? [""] : []),
    l.productName,
    ...facts(l),
    `${t("licenseDelivered.key")}:`,
    `    ${l.key}`,
  ]);

  const parts = { subject, intro, content, action, footer, lines };
  return { to: data.to, subject, html: emailHtml(ctx, parts), text: emailText(ctx, parts), template: "licenseDelivered", locale: ctx.locale };
}
