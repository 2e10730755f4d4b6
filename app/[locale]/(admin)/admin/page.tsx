import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { countCustomers } from "@/lib/users/queries";
import { listAuditEntries } from "@/lib/audit/queries";
import { countActiveLicenses } from "@/lib/licensing/queries";
import { countOrders } from "@/lib/orders/queries";
import { countEmailsSince } from "@/lib/notifications/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";

export default async function AdminDashboard({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "");
  const t = await getTranslations("Admin");
  const format = await getFormatter();
  const startOfDay = new Date(new Date().setUTCHours(0, 0, 0, 0));
  const [customers, licenses, paid, emails, recent] = await Promise.all([
    countCustomers(),
    countActiveLicenses(),
    countOrders(undefined, "PAID"),
    countEmailsSince(startOfDay),
    listAuditEntries({ page: 1 }),
  ]);
  const stats = [[t("customers"), customers], [t("activeLicenses"), licenses], [t("paidOrders"), paid], [t("emailsToday"), emails]] as const;
  return (
    <>
      <PageHeader title={t("dashboard")} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {stats.map(([label, value]) => (
          <Card key={label}><p className="text-sm text-slate-500">{label}</p><p className="mt-1 text-3xl font-bold">{format.number(value)}</p></Card>
        ))}
      </div>
      <h2 className="mb-3 mt-10 text-lg font-semibold">{t("recentActivity")}</h2>
      {recent.rows.length === 0 ? <EmptyState>{t("noActivity")}</EmptyState> : (
        <ul className="divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200">
          {recent.rows.slice(0, 10).map((e) => (
            <li key={e.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
              <span><code className="text-xs">{e.action}</code> <span className="text-slate-500">{e.actor?.email ?? t("system")}</span></span>
              <span className="text-slate-500">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
