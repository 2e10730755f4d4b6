import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listOrdersForAdmin, ORDER_STATUSES } from "@/lib/orders/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { OrderStatusBadge } from "@/components/admin/order-status-badge";

const inputClass = "rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

export default async function AdminOrdersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/orders");
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const result = await listOrdersForAdmin(viewer, { status: first(sp.status), email: first(sp.email), orderId: first(sp.orderId), cursor: first(sp.cursor) });
  const t = await getTranslations("AdminOrders");
  const a = await getTranslations("Account");
  const c = await getTranslations("Common");
  const format = await getFormatter();
  const { status, email, orderId, cursor } = result.filter;
  const query = { ...(status ? { status } : {}), ...(email ? { email } : {}), ...(orderId ? { orderId } : {}) };
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="order-status" className="mb-1 block text-xs font-medium text-slate-600">{t("status")}</label>
          <select id="order-status" name="status" defaultValue={status ?? ""} className={`${inputClass} pe-8`}>
            <option value="">{t("allStatuses")}</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{a(`order${s}`)}</option>)}
          </select>
        </div>
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor="order-email" className="mb-1 block text-xs font-medium text-slate-600">{t("customerEmail")}</label>
          <input id="order-email" name="email" type="search" defaultValue={email ?? ""} maxLength={200} className={`w-full ${inputClass}`} />
        </div>
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor="order-id" className="mb-1 block text-xs font-medium text-slate-600">{t("orderId")}</label>
          <input id="order-id" name="orderId" type="search" defaultValue={orderId ?? ""} maxLength={40} dir="ltr" placeholder="ord_…" className={`w-full ${inputClass}`} />
        </div>
        <button className={buttonClass("secondary")}>{c("search")}</button>
      </form>
      {result.items.length === 0 ? <EmptyState>{t("noOrders")}</EmptyState> : (
        <Table head={[t("order"), t("customer"), t("date"), t("status"), t("total")]} caption={t("title")}>
          {result.items.map((o) => (
            <tr key={o.id} data-testid={`order-row-${o.id}`}>
              <Td><Link href={`/admin/orders/${o.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline" dir="ltr">{o.id}</Link></Td>
              <Td><Link href={`/admin/users/${o.user.id}`} className="break-words hover:underline">{o.user.email}</Link></Td>
              <Td className="whitespace-nowrap">{format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
              <Td><OrderStatusBadge status={o.status} label={a(`order${o.status}`)} /></Td>
              <Td className="whitespace-nowrap font-medium">{formatMoney(o.totalMinor, o.currency, locale)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap justify-between gap-2">
        {cursor ? <Link href={{ pathname: "/admin/orders", query }} className={buttonClass("secondary")}>{t("firstPage")}</Link> : <span />}
        {result.nextCursor ? <Link href={{ pathname: "/admin/orders", query: { ...query, cursor: result.nextCursor } }} className={buttonClass("secondary")} rel="next">{c("next")}</Link> : null}
      </nav>
    </>
  );
}
