import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { listOrdersForOwner } from "@/lib/orders/queries";
import { formatMoney } from "@/lib/money";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

const STATUS_TONE = { PENDING: "amber", PAID: "green", FAILED: "red", EXPIRED: "slate", REFUNDED: "slate", PARTIALLY_REFUNDED: "slate" } as const;

export default async function OrdersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/orders");
  const t = await getTranslations("Account");
  const format = await getFormatter();
  const orders = await listOrdersForOwner(viewer.id);
  return (
    <>
      <PageHeader title={t("orders")} description={t("ordersCount", { count: orders.length })} />
      {orders.length === 0 ? (
        <EmptyState>{t("noOrders")}</EmptyState>
      ) : (
        <Table head={[t("orderNumber"), t("date"), t("product"), t("status"), t("total")]}>
          {orders.map((o) => (
            <tr key={o.id}>
              <Td><code className="text-xs" dir="ltr">{o.id}</code></Td>
              <Td>{format.dateTime(o.createdAt, { dateStyle: "medium" })}</Td>
              <Td>{o.items.map((i) => `${i.plan.product.name} — ${i.plan.name} × ${i.quantity}`).join(", ")}</Td>
              <Td><Badge tone={STATUS_TONE[o.status]}>{t(`order${o.status}`)}</Badge></Td>
              <Td className="font-medium">{formatMoney(o.totalMinor, o.currency, locale)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
