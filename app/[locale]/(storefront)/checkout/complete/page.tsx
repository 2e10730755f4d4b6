import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getOrderForOwner } from "@/lib/orders/queries";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Alert, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { OrderAutoRefresh } from "@/components/checkout/order-auto-refresh";
import { ClearPurchasedLines } from "@/components/checkout/clear-purchased-lines";
import { TopUpStatus } from "@/components/checkout/top-up-status";
import { getTopUpForOwner } from "@/lib/wallet/get-top-up-for-owner";

// The page a payment provider sends the customer back to. It only reads the order: the webhook
// (or the in-page PayPal capture) is what marks it paid; while it waits, the page refreshes itself.
// A wallet top-up shows what the wallet was credited with instead of lines and licenses.

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ order?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("Checkout"))("completeTitle") };
}

export default async function CheckoutCompletePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { order: orderId } = await searchParams;
  const id = typeof orderId === "string" && /^ord_[0-9A-Z]{26}$/.test(orderId) ? orderId : null;
  const viewer = await requireViewerPage(locale, `/checkout/complete${id ? `?order=${id}` : ""}`);
  if (!id) notFound();
  const [order, topUp] = await Promise.all([getOrderForOwner(viewer.id, id), getTopUpForOwner(viewer.id, id)]);
  if (!order) notFound();
  const t = await getTranslations("Checkout");
  const status = order.status;
  const title = status === "PAID" ? (topUp ? t("topUpPaidTitle") : t("paidTitle")) : status === "PENDING" ? t("pendingTitle") : status === "FAILED" ? t("failedTitle")
    : status === "EXPIRED" ? t("expiredTitle") : t("refundedTitle");
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <Card>
        <p className="text-sm font-medium text-brand-600">{t("completeTitle")}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900" data-testid="order-status" data-status={status}>{title}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("orderNumber", { id: order.id })}</p>
        {topUp ? <TopUpStatus topUp={topUp} locale={locale} /> : (<>
          <ul className="mt-6 space-y-1 border-t border-slate-200 pt-4 text-sm text-slate-700">
            {order.items.map((item, i) => (
              <li key={i} className="flex justify-between gap-4">
                <span>{item.plan.product.name} — {item.plan.name} <span dir="ltr">× {item.quantity}</span></span>
                <span className="tabular-nums">{formatMoney(item.totalMinor, order.currency, locale)}</span>
              </li>
            ))}
            <li className="flex justify-between gap-4 pt-2 font-semibold text-slate-900">
              <span>{(await getTranslations("Cart"))("total")}</span>
              <span className="tabular-nums">{formatMoney(order.totalMinor, order.currency, locale)}</span>
            </li>
          </ul>
          <div className="mt-6 space-y-4">
            {status === "PENDING" ? (
              <>
                <OrderAutoRefresh />
                <Alert tone="amber" role="status">{t("pendingBody")}</Alert>
                <p className="text-sm text-slate-500">{t("stillWaiting")}</p>
              </>
            ) : null}
            {status === "PAID" ? (
              <>
                <ClearPurchasedLines orderId={order.id} />
                <Alert tone="green" role="status">{t("paidBody")}</Alert>
                <div className="flex flex-wrap gap-3">
                  <Link href="/account/licenses" className={buttonClass("primary")} data-testid="view-licenses">{t("viewLicenses")}</Link>
                  <Link href="/account/orders" className={buttonClass("secondary")}>{t("viewOrders")}</Link>
                </div>
              </>
            ) : null}
            {status === "FAILED" || status === "EXPIRED" ? (
              <>
                <Alert tone="red">{status === "FAILED" ? t("failedBody") : t("expiredBody")}</Alert>
                <Link href="/cart" className={buttonClass("secondary")}>{t("backToCart")}</Link>
              </>
            ) : null}
            {status === "REFUNDED" || status === "PARTIALLY_REFUNDED" ? (
              <Link href="/account/orders" className={buttonClass("secondary")}>{t("viewOrders")}</Link>
            ) : null}
          </div>
        </>)}
      </Card>
    </div>
  );
}
