import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listAuditEntries } from "@/lib/audit/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ action?: string; target?: string; page?: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "/audit-log");
  const sp = await searchParams;
  const t = await getTranslations("Admin");
  const c = await getTranslations("Common");
  const format = await getFormatter();
  const result = await listAuditEntries({ action: String(sp.action ?? ""), target: String(sp.target ?? ""), page: Number.parseInt(String(sp.page ?? "1"), 10) || 1 });
  return (
    <>
      <PageHeader title={t("auditLog")} />
      <form className="mb-4 flex flex-wrap gap-2" role="search">
        <input name="action" defaultValue={sp.action} placeholder={t("action")} aria-label={t("action")} maxLength={100} className="rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        <input name="target" defaultValue={sp.target} placeholder={t("target")} aria-label={t("target")} maxLength={100} className="rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        <button className="rounded-lg bg-white px-4 py-2 text-sm font-semibold ring-1 ring-slate-300">{c("search")}</button>
      </form>
      {result.rows.length === 0 ? <EmptyState>{t("noActivity")}</EmptyState> : (
        <Table head={[t("when"), t("action"), t("actor"), t("target")]}>
          {result.rows.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</Td>
              <Td><code className="text-xs">{e.action}</code>{e.data ? <code className="block text-xs text-slate-500">{JSON.stringify(e.data)}</code> : null}</Td>
              <Td>{e.actor?.email ?? (e.actorType === "SYSTEM" ? t("system") : e.actorType)}</Td>
              <Td><code className="text-xs">{e.targetType ? `${e.targetType}:${e.targetId}` : ""}</code></Td>
            </tr>
          ))}
        </Table>
      )}
      <p className="mt-3 text-sm text-slate-500">{c("pageOf", { page: result.page, pages: result.pages })}</p>
    </>
  );
}
