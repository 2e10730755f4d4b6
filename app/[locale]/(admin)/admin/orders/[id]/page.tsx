import type { ReactNode } from "react";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getOrderForAdmin } from "@/lib/orders/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney, toDecimalString } from "@/lib/money";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { OrderStatusBadge } from "@/components/admin/order-status-badge";
import { ClientMessages } from "@/components/layout/client-messages";
import { OrderRefundForm } from "@/components/admin/order-refund-form";
import { refundOrderAction } from "./actions";

// What happened to the order, and (admins only, while something is left) the refund form.
export default async function AdminOrderPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const viewer = await requireStaffPage(locale, `/orders/${encodeURIComponent(id)}`);
  const order = await getOrderForAdmin(viewer, id);
  if (!order) notFound();
  const t = await getTranslations("AdminOrders");
  const a = await getTranslations("Account");
  const w = await getTranslations("Wallet");
  const format = await getFormatter();
  const money = (minor: bigint) => formatMoney(minor, order.currency, locale);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const section = "mb-3 text-lg font-semibold text-slate-900";
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="flex justify-between gap-4 py-1.5 text-sm" data-testid={testId}><dt className="text-slate-600">{label}</dt><dd className="font-medium text-slate-900">{value}</dd></div>
  );
  const totals = order.snapshot?.totals;
  return (
    <>
      <Link href="/admin/orders" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToOrders")}
      </Link>
      <PageHeader
        title={t("orderTitle")}
        description={<span className="flex flex-wrap items-center gap-2"><code dir="ltr" className="text-xs">{order.id}</code><OrderStatusBadge status={order.status} label={a(`order${order.status}`)} /></span>}
      />
      <div className="space-y-8">
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className={section}>{t("summary")}</h2>
            <dl className="divide-y divide-slate-100">
              {row(t("customer"), <Link href={`/admin/users/${order.user.id}`} className="text-brand-700 hover:underline">{order.user.email}</Link>)}
              {row(t("date"), when(order.createdAt))}
              {row(t("promo"), order.promoCode ? <Link href={`/admin/promo-codes/${order.promoCode.id}`} className="font-mono text-brand-700 hover:underline" dir="ltr">{order.promoCode.code}</Link> : t("none"))}
              {order.status === "PENDING" ? row(t("expiresAt"), when(order.expiresAt)) : null}
            </dl>
          </Card>
          <Card>
            <h2 className={section}>{t("payment")}</h2>
            <dl className="divide-y divide-slate-100">
              {row(t("gateway"), order.gateway ?? t("none"))}
              {row(t("gatewayPaymentId"), order.gatewayPaymentId ? <code dir="ltr" className="break-all text-xs">{order.gatewayPaymentId}</code> : "—")}
              {row(t("paidAt"), order.paidAt ? when(order.paidAt) : t("notPaid"))}
            </dl>
          </Card>
        </div>

        <section aria-labelledby="items-title">
          <h2 id="items-title" className={section}>{t("items")}</h2>
          <Table head={[a("product"), t("quantity"), t("unitPrice"), t("discount"), a("total")]}>
            {order.items.map((i) => (
              <tr key={i.id}>
                <Td>{i.plan.product.name} — {i.plan.name}</Td>
                <Td>{i.quantity}</Td>
                <Td className="whitespace-nowrap">{money(i.unitPriceMinor)}</Td>
                <Td className="whitespace-nowrap">{money(i.discountMinor)}</Td>
                <Td className="whitespace-nowrap font-medium">{money(i.totalMinor)}</Td>
              </tr>
            ))}
          </Table>
        </section>

        <Card>
          <h2 className={section}>{t("totals")}</h2>
          <dl className="max-w-md divide-y divide-slate-100" data-testid="order-totals">
            {row(t("subtotal"), money(order.subtotalMinor))}
            {totals ? row(t("volumeDiscount"), money(-totals.volumeDiscountMinor)) : null}
            {totals ? row(t("promoDiscount"), money(-totals.promoDiscountMinor)) : row(t("discount"), money(-order.discountMinor))}
            {row(t("tax"), money(order.taxMinor))}
            {row(a("total"), money(order.totalMinor))}
            {row(t("walletPart"), money(-order.walletMinor), "wallet-part")}
            {row(t("due"), money(order.totalMinor - order.walletMinor))}
            {row(t("refunded"), money(order.refundedMinor))}
          </dl>
          {!order.snapshot ? <p className="mt-2 text-xs text-amber-700">{t("noSnapshot")}</p> : null}
        </Card>

        <section aria-labelledby="licenses-title">
          <h2 id="licenses-title" className={section}>{t("licensesIssued")}</h2>
          {order.licenses.length === 0 ? <EmptyState>{t("noLicenses")}</EmptyState> : (
            <Table head={[a("product"), a("key"), a("status"), a("expires")]}>
              {order.licenses.map((l) => (
                <tr key={l.id}>
                  <Td><Link href={`/admin/licenses/${l.id}`} className="text-brand-700 hover:underline">{l.product} · {l.plan}</Link></Td>
                  <Td><code dir="ltr" className="text-xs">{l.keyHint}</code></Td>
                  <Td>{a(`status${l.status}`)}</Td>
                  <Td>{l.expiresAt ? format.dateTime(l.expiresAt, { dateStyle: "medium" }) : a("never")}</Td>
                </tr>
              ))}
            </Table>
          )}
        </section>

        {viewer.role === "ADMIN" && order.refundableMinor > 0n ? (
          <Card>
            <h2 className={section}>{t("refundTitle")}</h2>
            <p className="mb-4 text-sm text-slate-600">{t("refundIntro")}</p>
            <ClientMessages namespaces={["AdminOrders", "AdminCatalog", "Validation", "Errors"]}>
              <OrderRefundForm
                action={refundOrderAction} orderId={order.id} nonce={randomUUID()} currency={order.currency}
                amount={toDecimalString(order.refundableMinor, order.currency)} left={money(order.refundableMinor)}
              />
            </ClientMessages>
          </Card>
        ) : null}

        <section aria-labelledby="refunds-title" data-testid="order-refunds">
          <h2 id="refunds-title" className={section}>{t("refunds")}</h2>
          {order.refunds.length === 0 ? <EmptyState>{t("noRefunds")}</EmptyState> : (
            <Table head={[w("date"), w("amount"), t("refundToGateway"), t("refundToWallet"), t("providerRefundId"), t("refundReason"), t("refundBy")]}>
              {order.refunds.map((r) => (
                <tr key={r.id} data-testid={`refund-row-${r.id}`}>
                  <Td className="whitespace-nowrap">{when(r.createdAt)}</Td>
                  <Td className="whitespace-nowrap font-medium">{money(r.amountMinor)}</Td>
                  <Td className="whitespace-nowrap">{money(r.gatewayMinor)}</Td>
                  <Td className="whitespace-nowrap">{money(r.walletMinor)}</Td>
                  <Td>{r.providerRefundId ? <code dir="ltr" className="break-all text-xs">{r.providerRefundId}</code> : "—"}</Td>
                  <Td className="max-w-xs break-words">{r.reason ?? "—"}</Td>
                  <Td>
                    {r.actor ? <Link href={`/admin/users/${r.actor.id}`} className="text-brand-700 hover:underline">{r.actor.email}</Link>
                      : r.source === "PROVIDER" ? t("refundByProvider") : "—"}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>

        <section aria-labelledby="wallet-title">
          <h2 id="wallet-title" className={section}>{t("walletAndRefunds")}</h2>
          {order.walletEntries.length === 0 ? <EmptyState>{t("noWalletEntries")}</EmptyState> : (
            <Table head={[w("date"), w("kind"), w("amount")]}>
              {order.walletEntries.map((e) => (
                <tr key={e.id}>
                  <Td>{when(e.createdAt)}</Td>
                  <Td>{w(`kind${e.kind}`)}</Td>
                  <Td className="whitespace-nowrap">{formatMoney(e.amountMinor, e.currency, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
