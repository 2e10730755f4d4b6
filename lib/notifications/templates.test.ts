import { describe, expect, it } from "vitest";
import { renderLicenseDelivered, type DeliveredLicense } from "./render-license-delivered";
import { renderOrderReceipt, type OrderReceipt } from "./render-order-receipt";
import { renderPaymentFailed } from "./render-payment-failed";
import { renderWalletTopUp } from "./render-wallet-top-up";
import { renderEmail } from "./email-templates";
import { LOCALES } from "@/lib/i18n/locales";

const license: DeliveredLicense = {
  productName: "PhotoForge Pro", planName: "Studio", seats: 3, key: "KF-7Q2M-9XWT-4HJD-P3LA", expiresAt: new Date(Date.UTC(2027, 2, 5)),
};

const receipt: OrderReceipt = {
  orderId: "ord_01KDEMO", date: new Date(Date.UTC(2026, 11, 2, 9, 30)), currency: "EUR",
  lines: [
    { productName: "PhotoForge Pro", planName: "Studio", quantity: 2, unitPriceMinor: 49_900n, totalMinor: 99_800n },
    { productName: "Brush Pack", planName: "Lifetime", quantity: 1, unitPriceMinor: 1_250n, totalMinor: 1_250n },
  ],
  subtotalMinor: 101_050n, discountMinor: 10_105n, taxMinor: 17_280n, totalMinor: 108_225n, walletMinor: 8_225n,
};

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, " ");

describe("licenseDelivered", () => {
  it("en: product, plan, seats, the key in a monospace block, expiry and the licenses link", async () => {
    const mail = await renderLicenseDelivered({ to: "ada@example.test", locale: "en", name: "Ada", licenses: [license] });
    expect(mail).toMatchObject({ to: "ada@example.test", template: "licenseDelivered", locale: "en", subject: "Your license for PhotoForge Pro" });
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toMatch(/<pre dir="ltr" style="font-family:ui-monospace[^"]*">KF-7Q2M-9XWT-4HJD-P3LA<\/pre>/);
    expect(mail.html).toContain("Plan: Studio<br>Seats: 3<br>Expires on March 5, 2027");
    expect(mail.html).toContain('href="http://localhost:3000/en/account/licenses"');
    expect(mail.text).toContain("Hello Ada,");
    expect(mail.text).toContain("License key:\n    KF-7Q2M-9XWT-4HJD-P3LA");
    expect(mail.text).toContain("View your licenses: http://localhost:3000/en/account/licenses");
  });

  it("lists several licenses, and a perpetual one as not expiring", async () => {
    const second = { ...license, productName: "Brush Pack", planName: "Lifetime", seats: 1, key: "KF-AAAA-BBBB-CCCC-DDDD", expiresAt: null };
    const mail = await renderLicenseDelivered({ to: "a@example.test", locale: "en", licenses: [license, second] });
    expect(mail.subject).toBe("Your license for PhotoForge Pro and Brush Pack");
    expect(mail.html).toContain("KF-AAAA-BBBB-CCCC-DDDD</pre>");
    expect(mail.text).toContain("Does not expire");
    expect(mail.text).toContain("Hello,");
  });

  it("de, ja: translated, dates in the recipient's locale", async () => {
    const de = await renderLicenseDelivered({ to: "a@example.test", locale: "de", licenses: [license] });
    expect(de.subject).toBe("Ihre Lizenz für PhotoForge Pro");
    expect(de.html).toContain('<html lang="de" dir="ltr">');
    expect(de.text).toContain("5. März 2027");
    expect(de.text).toContain("http://localhost:3000/de/account/licenses");
    const ja = await renderLicenseDelivered({ to: "a@example.test", locale: "ja", licenses: [license] });
    expect(ja.text).toContain("2027年3月5日");
    expect(ja.subject).toContain("PhotoForge Pro");
    expect(ja.subject).not.toContain("Your license");
  });

  it("ar: right-to-left document, the key block stays left-to-right", async () => {
    const mail = await renderLicenseDelivered({ to: "a@example.test", locale: "ar", licenses: [license] });
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<body dir="rtl"');
    expect(mail.html).toContain('<pre dir="ltr"');
    expect(mail.subject).toMatch(/[\u0600-\u06ff]/);
    expect(mail.text).toContain("KF-7Q2M-9XWT-4HJD-P3LA");
  });

  it("escapes every value that reaches the HTML", async () => {
    const evil = { ...license, productName: '<script>alert("x")</script>', planName: "<img src=x onerror=alert(1)>", key: "</pre><b>" };
    const mail = await renderLicenseDelivered({ to: "a@example.test", locale: "en", name: '"><script>1</script>', licenses: [evil] });
    expect(mail.html).not.toMatch(/<script|<img|<\/pre><b>/);
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("&lt;/pre&gt;&lt;b&gt;</pre>");
    expect(mail.subject).toBe('Your license for <script>alert("x")</script>'); // a header, not HTML
    expect(mail.html).toContain("<title>Your license for &lt;script&gt;");
    expect(mail.text).toContain('<script>alert("x")</script>'); // the text part is not HTML
  });
});

describe("orderReceipt", () => {
  it("en: order id, date, lines with quantity and amounts, discount, tax, wallet, total", async () => {
    const mail = await renderOrderReceipt({ to: "a@example.test", locale: "en", ...receipt });
    expect(mail.subject).toBe("Receipt for order ord_01KDEMO");
    expect(mail.text).toContain("Order ord_01KDEMO\nDate: December 2, 2026");
    expect(mail.text).toContain("PhotoForge Pro — Studio  2 × €499.00 = €998.00");
    expect(mail.text).toContain("Brush Pack — Lifetime  1 × €12.50 = €12.50");
    expect(mail.text).toContain("Subtotal: €1,010.50\nDiscount: -€101.05\nTax: €172.80\nTotal: €1,082.25\nPaid from wallet: -€82.25\nCharged to your payment method: €1,000.00");
    expect(mail.html).toContain("<td style=\"text-align:right;padding:6px 8px;border-bottom:1px solid #e2e8f0\">€998.00</td>");
    expect(mail.html).toContain('href="http://localhost:3000/en/account/orders"');
  });

  it("leaves out zero discount, tax and wallet rows", async () => {
    const mail = await renderOrderReceipt({ to: "a@example.test", locale: "en", ...receipt, discountMinor: 0n, taxMinor: 0n, walletMinor: 0n, totalMinor: 101_050n });
    expect(mail.text).toContain("Subtotal: €1,010.50\nTotal: €1,010.50\n");
    expect(mail.text).not.toMatch(/Discount|Tax|wallet|Charged/);
  });

  it("de and ja: money and dates formatted for the recipient", async () => {
    const de = plain((await renderOrderReceipt({ to: "a@example.test", locale: "de", ...receipt })).text);
    expect(de).toContain("2 × 499,00 € = 998,00 €");
    expect(de).toContain("1.082,25 €");
    expect(de).toContain("2. Dezember 2026");
    const ja = await renderOrderReceipt({ to: "a@example.test", locale: "ja", ...receipt, currency: "JPY",
      lines: [{ productName: "PhotoForge Pro", planName: "Studio", quantity: 1, unitPriceMinor: 1500n, totalMinor: 1500n }],
      subtotalMinor: 1500n, discountMinor: 0n, taxMinor: 150n, totalMinor: 1650n, walletMinor: 0n });
    expect(ja.text).toContain("1 × ￥1,500 = ￥1,500");
    expect(ja.text).toContain("￥1,650");
    expect(ja.text).toContain("2026年12月2日");
  });

  it("ar: right-to-left, table cells aligned to the start side", async () => {
    const mail = await renderOrderReceipt({ to: "a@example.test", locale: "ar", ...receipt });
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain("text-align:right;padding:6px 8px;border-bottom:1px solid #e2e8f0\">PhotoForge Pro — Studio");
    expect(mail.subject).toContain("ord_01KDEMO");
    expect(mail.subject).toMatch(/[\u0600-\u06ff]/);
  });

  it("escapes product and plan names in the lines", async () => {
    const mail = await renderOrderReceipt({ to: "a@example.test", locale: "en", ...receipt,
      lines: [{ productName: "<script>steal()</script>", planName: "&co", quantity: 1, unitPriceMinor: 1n, totalMinor: 1n }] });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;steal()&lt;/script&gt; — &amp;co");
  });
});

describe("paymentFailed and walletTopUp", () => {
  it("paymentFailed names the order and amount and links to the retry page", async () => {
    const mail = await renderPaymentFailed({ to: "a@example.test", locale: "en", orderId: "ord_01KFAIL", amountMinor: 4_999n, currency: "USD", retryPath: "/checkout/ord_01KFAIL" });
    expect(mail.subject).toBe("Payment for order ord_01KFAIL failed");
    expect(mail.text).toContain("We could not take the payment of $49.99 for order ord_01KFAIL.");
    expect(mail.html).toContain('href="http://localhost:3000/en/checkout/ord_01KFAIL"');
    const de = await renderPaymentFailed({ to: "a@example.test", locale: "de", orderId: "ord_01KFAIL", amountMinor: 4_999n, currency: "USD", retryPath: "/checkout/ord_01KFAIL" });
    expect(plain(de.text)).toContain("49,99 $");
    expect(de.html).toContain("/de/checkout/ord_01KFAIL");
  });

  it("walletTopUp shows the amount credited and the new balance", async () => {
    const mail = await renderWalletTopUp({ to: "a@example.test", locale: "en", amountMinor: 2_500n, balanceMinor: 10_000n, currency: "USD" });
    expect(mail.subject).toBe("$25.00 added to your wallet");
    expect(mail.text).toContain("We added $25.00 to your wallet. Your balance is now $100.00.");
    expect(mail.html).toContain("/en/account/wallet");
    const ja = await renderWalletTopUp({ to: "a@example.test", locale: "ja", amountMinor: 3000n, balanceMinor: 3000n, currency: "JPY" });
    expect(ja.subject).toContain("￥3,000");
  });
});

describe("every locale", () => {
  it.each(LOCALES)("%s renders all templates from its own messages with the right direction", async (locale) => {
    const rtl = ["ar", "he", "fa", "ur"].includes(locale);
    const mails = await Promise.all([
      renderLicenseDelivered({ to: "a@example.test", locale, licenses: [license] }),
      renderOrderReceipt({ to: "a@example.test", locale, ...receipt }),
      renderPaymentFailed({ to: "a@example.test", locale, orderId: "ord_X", amountMinor: 100n, currency: "USD", retryPath: "/checkout" }),
      renderWalletTopUp({ to: "a@example.test", locale, amountMinor: 100n, balanceMinor: 100n, currency: "USD" }),
      renderEmail("verifyEmail", { to: "a@example.test", locale, path: "/verify" }),
    ]);
    for (const mail of mails) {
      expect(mail.locale).toBe(locale);
      expect(mail.html).toContain(`<html lang="${locale}" dir="${rtl ? "rtl" : "ltr"}">`);
      expect(mail.text).not.toMatch(/Email\.\w+/); // no missing-message fallbacks
      expect(mail.subject).not.toMatch(/Email\.\w+/);
    }
  });
});
