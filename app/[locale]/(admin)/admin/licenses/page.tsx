import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { searchLicensesAsStaff } from "@/lib/licensing/staff-license-queries";
import { Link } from "@/lib/i18n/navigation";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { LicenseStatusBadge } from "@/components/licensing/license-status-badge";

const STATUSES = ["ACTIVE", "SUSPENDED", "REVOKED"] as const;
const inputClass = "rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

export default async function AdminLicensesPage({ params, searchParams }: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/licenses");
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const result = await searchLicensesAsStaff(viewer, { q: first(sp.q), status: first(sp.status) || undefined, cursor: first(sp.cursor) });
  const t = await getTranslations("AdminLicenses");
  const d = await getTranslations("LicenseDetail");
  const c = await getTranslations("Common");
  const imports = await getTranslations("LicenseImport");
  const format = await getFormatter();
  const { q = "", status } = result.search;
  const query = { ...(q ? { q } : {}), ...(status ? { status } : {}) };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={viewer.role === "ADMIN" ? <Link href="/admin/licenses/import" className={buttonClass("secondary")}>{imports("title")}</Link> : undefined}
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="license-search" className="mb-1 block text-xs font-medium text-slate-600">{t("searchLabel")}</label>
          <input id="license-search" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} maxLength={200} className={`w-full ${inputClass}`} />
        </div>
        <div>
          <label htmlFor="license-status" className="mb-1 block text-xs font-medium text-slate-600">{t("statusFilter")}</label>
          <select id="license-status" name="status" defaultValue={status ?? ""} className={`${inputClass} pe-8`}>
            <option value="">{t("allStatuses")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`storedStatus.${s}`)}</option>)}
          </select>
        </div>
        <button className={buttonClass("secondary")}>{c("search")}</button>
      </form>
      {result.items.length === 0 ? <EmptyState>{c("noResults")}</EmptyState> : (
        <Table head={[t("license"), t("customer"), d("statusLabel"), d("seats"), d("expires")]} caption={t("title")}>
          {result.items.map((l) => (
            <tr key={l.id} data-testid={`license-row-${l.id}`}>
              <Td>
                <Link href={`/admin/licenses/${l.id}`} className="font-medium text-brand-700 hover:underline">{l.product.name} · {l.plan.name}</Link>
                <code dir="ltr" className="mt-0.5 block text-xs text-slate-500">{l.id}</code>
                <code dir="ltr" className="block text-xs text-slate-500">{l.keyHint}</code>
              </Td>
              <Td>{l.user ? <span className="break-words">{l.user.email}</span> : <span className="text-slate-400">{t("unassigned")}</span>}</Td>
              <Td><LicenseStatusBadge status={l.displayStatus} /></Td>
              <Td className="whitespace-nowrap">{d("seatsUsed", { used: l.activationsUsed, limit: l.seats })}</Td>
              <Td className="whitespace-nowrap">{l.expiresAt ? format.dateTime(l.expiresAt, { dateStyle: "medium" }) : d("perpetual")}</Td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap justify-between gap-2">
        {result.search.cursor ? <Link href={{ pathname: "/admin/licenses", query }} className={buttonClass("secondary")}>{t("firstPage")}</Link> : <span />}
        {result.nextCursor ? <Link href={{ pathname: "/admin/licenses", query: { ...query, cursor: result.nextCursor } }} className={buttonClass("secondary")} rel="next">{c("next")}</Link> : null}
      </nav>
    </>
  );
}
