import type { ReactNode } from "react";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getUserForAdmin, listUserWalletEntriesForAdmin } from "@/lib/users/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { ClientMessages } from "@/components/layout/client-messages";
import { WalletAdjustForm } from "@/components/admin/wallet-adjust-form";
import { WalletBalances, WalletLedger } from "@/components/portal/wallet-ledger";
import { adjustWalletAction } from "./actions";

export default async function AdminUserPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { locale, id } = await params;
  const viewer = await requireStaffPage(locale, `/users/${encodeURIComponent(id)}`);
  const user = await getUserForAdmin(viewer, id);
  if (!user) notFound();
  const sp = await searchParams;
  const ledger = await listUserWalletEntriesForAdmin(viewer, user.id, typeof sp.cursor === "string" ? sp.cursor : undefined);
  const t = await getTranslations("AdminWallet");
  const admin = await getTranslations("Admin");
  const account = await getTranslations("Account");
  const w = await getTranslations("Wallet");
  const c = await getTranslations("Common");
  const format = await getFormatter();
  const section = "mb-3 text-lg font-semibold text-slate-900";
  const fact = (label: string, value: ReactNode) => (
    <div><dt className="text-xs font-medium text-slate-500">{label}</dt><dd className="mt-0.5 text-sm text-slate-900">{value}</dd></div>
  );
  return (
    <>
      <Link href="/admin/users" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToUsers")}
      </Link>
      <PageHeader title={user.email} description={<code dir="ltr" className="text-xs">{user.id}</code>} />
      <div className="space-y-8">
        <Card>
          <dl className="grid gap-4 sm:grid-cols-3" data-testid="user-facts">
            {fact(admin("name"), user.name ?? "—")}
            {fact(admin("role"), admin(`role${user.role}`))}
            {fact(admin("status"), user.suspendedAt ? <Badge tone="red">{admin("suspended")}</Badge> : user.emailVerifiedAt ? <Badge tone="green">{admin("active")}</Badge> : <Badge tone="amber">{admin("unverified")}</Badge>)}
            {fact(admin("created"), format.dateTime(user.createdAt, { dateStyle: "medium" }))}
            {fact(admin("licenses"), t("licensesCount", { active: user.activeLicenses, total: user._count.licenses }))}
            {fact(admin("orders"), String(user._count.orders))}
          </dl>
        </Card>

        <section aria-labelledby="wallet-title">
          <h2 id="wallet-title" className={section}>{w("balances")}</h2>
          <WalletBalances balances={user.balances} locale={locale} />
        </section>

        {viewer.role === "ADMIN" ? (
          <Card>
            <h2 className={section}>{t("adjust")}</h2>
            <p className="mb-4 text-sm text-slate-600">{t("adjustIntro")}</p>
            <ClientMessages namespaces={["AdminWallet", "AdminCatalog", "Validation", "Errors"]}>
              <WalletAdjustForm action={adjustWalletAction} userId={user.id} nonce={randomUUID()} currency={user.balances[0]?.currency} />
            </ClientMessages>
          </Card>
        ) : null}

        <section aria-labelledby="ledger-title">
          <h2 id="ledger-title" className={section}>{w("history")}</h2>
          <WalletLedger entries={ledger.entries} locale={locale} orderHref={(orderId) => `/${locale}/admin/orders/${orderId}`} />
          <nav aria-label={w("history")} className="mt-3 flex flex-wrap justify-between gap-2">
            {ledger.cursor ? <Link href={`/admin/users/${user.id}`} className={buttonClass("secondary")}>{w("newest")}</Link> : <span />}
            {ledger.nextCursor ? <Link href={{ pathname: `/admin/users/${user.id}`, query: { cursor: ledger.nextCursor } }} className={buttonClass("secondary")} rel="next">{c("next")}</Link> : null}
          </nav>
        </section>

        <section aria-labelledby="orders-title">
          <h2 id="orders-title" className={section}>{t("recentOrders")}</h2>
          {user.orders.length === 0 ? <EmptyState>{t("noOrders")}</EmptyState> : (
            <Table head={[account("orderNumber"), account("date"), account("status"), account("total")]}>
              {user.orders.map((o) => (
                <tr key={o.id}>
                  <Td><Link href={`/admin/orders/${o.id}`} className="font-mono text-xs text-brand-700 hover:underline" dir="ltr">{o.id}</Link></Td>
                  <Td>{format.dateTime(o.createdAt, { dateStyle: "medium" })}</Td>
                  <Td>{account(`order${o.status}`)}</Td>
                  <Td>{formatMoney(o.totalMinor, o.currency, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
