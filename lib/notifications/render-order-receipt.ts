import { emailContext, emailHtml, emailText, escapeHtml, type Recipient } from "./email-layout";
import type { OutgoingEmail } from "./enqueue-email";

export type ReceiptLine = { productName: string; planName: string; quantity: number; unitPriceMinor: bigint; totalMinor: bigint };

export type OrderReceipt = {
  orderId: string;
  date: Date;
  currency: string;
  lines: ReceiptLine[];
  subtotalMinor: bigint;
  discountMinor: bigint;
  taxMinor: bigint;
  /** what the order cost: subtotal − discount + tax */
  totalMinor: bigint;
  /** the part of the total paid from the wallet; the rest was charged to the payment method */
  walletMinor: bigint;
};

/** The receipt of a paid order, every amount formatted for the recipient's locale. */
export async function renderOrderReceipt(data: Recipient & OrderReceipt): Promise<OutgoingEmail> {
  const ctx = await emailContext(data);
  const { t, start, end } = ctx;
  const money = (v: bigint) => ctx.money(v, data.currency);
  const subject = t("orderReceipt.subject", { orderId: data.orderId });
  const action = { label: t("orderReceipt.action"), url: ctx.url("/account/orders") };
  const intro = t("orderReceipt.body");
  const footer = t("orderFooter");
  const header = [t("orderReceipt.order", { orderId: data.orderId }), t("orderReceipt.date", { date: ctx.date(data.date) })];

  const totals: Array<[string, string, boolean]> = [[t("orderReceipt.subtotal"), money(data.subtotalMinor), false]];
  if (data.discountMinor !== 0n) totals.push([t("orderReceipt.discount"), money(-data.discountMinor), false]);
  if (data.taxMinor !== 0n) totals.push([t("orderReceipt.tax"), money(data.taxMinor), false]);
  totals.push([t("orderReceipt.total"), money(data.totalMinor), true]);
  if (data.walletMinor !== 0n) {
    totals.push([t("orderReceipt.wallet"), money(-data.walletMinor), false]);
    totals.push([t("orderReceipt.charged"), money(data.totalMinor - data.walletMinor), false]);
  }

  const cell = (align: string, extra = "") => `style="text-align:${align};padding:6px 8px;border-bottom:1px solid #e2e8f0${extra}"`;
  const head = [t("orderReceipt.item"), t("orderReceipt.quantity"), t("orderReceipt.unitPrice"), t("orderReceipt.amount")]
    .map((h, i) => `<th ${cell(i === 0 ? start : end, ";font-size:12px;color:#64748b;font-weight:500")}>${escapeHtml(h)}</th>`).join("");
  const rows = data.lines.map((l) => `<tr><td ${cell(start)}>${escapeHtml(`${l.productName} — ${l.planName}`)}</td>`
    + `<td ${cell(end)}>${escapeHtml(l.quantity.toLocaleString(ctx.locale))}</td><td ${cell(end)}>${escapeHtml(money(l.unitPriceMinor))}</td>`
    + `<td ${cell(end)}>${escapeHtml(money(l.totalMinor))}</td></tr>`).join("");
  const sums = totals.map(([label, value, strong]) => `<tr${strong ? ' style="font-weight:700"' : ""}><td colspan="3" ${cell(end)}>${escapeHtml(label)}</td>`
    + `<td ${cell(end)}>${escapeHtml(value)}</td></tr>`).join("");
  const content = `<p style="font-size:14px;color:#334155">${header.map(escapeHtml).join("<br>")}</p>
<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px"><thead><tr>${head}</tr></thead><tbody>${rows}${sums}</tbody></table>`;

  const lines = [
    ...header,
    "",
    ...data.lines.map((l) => `${l.productName} — ${l.planName}  ${l.quantity.toLocaleString(ctx.locale)} × ${money(l.unitPriceMinor)} = ${money(l.totalMinor)}`),
    "",
    ...totals.map(([label, value]) => `${label}: ${value}`),
  ];

  const parts = { subject, intro, content, action, footer, lines };
  return { to: data.to, subject, html: emailHtml(ctx, parts), text: emailText(ctx, parts), template: "orderReceipt", locale: ctx.locale };
}
