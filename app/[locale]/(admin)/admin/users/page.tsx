import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listUsers } from "@/lib/users/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { UserRowActions } from "@/components/admin/user-row-actions";

export default async function AdminUsersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/users");
  const { q = "", page = "1" } = await searchParams;
  const t = await getTranslations("Admin");
  const c = await getTranslations("Common");
  const format = await getFormatter();
  const result = await listUsers({ query: typeof q === "string" ? q : "", page: Number.parseInt(String(page), 10) || 1 });
  const canEdit = viewer.role === "ADMIN";
  const labels = {
    suspend: t("suspend"), reinstate: t("reinstate"), changeRole: t("changeRole"), forbidden: t("cannotChangeSelf"),
    roleCUSTOMER: t("roleCUSTOMER"), roleSUPPORT: t("roleSUPPORT"), roleADMIN: t("roleADMIN"),
  };
  return (
    <>
      <PageHeader title={t("users")} description={canEdit ? undefined : t("readOnlyRole")} />
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="user-search" className="sr-only">{t("searchUsers")}</label>
        <input id="user-search" name="q" defaultValue={q} placeholder={t("searchUsers")} maxLength={100}
          className="w-full max-w-sm rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        <button className="rounded-lg bg-white px-4 py-2 text-sm font-semibold ring-1 ring-slate-300">{c("search")}</button>
      </form>
      {result.rows.length === 0 ? <EmptyState>{c("noResults")}</EmptyState> : (
        <Table head={[t("email"), t("name"), t("role"), t("status"), t("created"), ...(canEdit ? [t("actions")] : [])]}>
          {result.rows.map((u) => (
            <tr key={u.id} data-testid={`user-row-${u.email}`}>
              <Td className="font-medium text-slate-900"><Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">{u.email}</Link></Td>
              <Td>{u.name}</Td>
              <Td>{t(`role${u.role}`)}</Td>
              <Td>
                {u.suspendedAt ? <Badge tone="red">{t("suspended")}</Badge> : u.emailVerifiedAt ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="amber">{t("unverified")}</Badge>}
              </Td>
              <Td>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</Td>
              {canEdit ? <Td>{u.id === viewer.id ? null : <UserRowActions userId={u.id} role={u.role} suspended={!!u.suspendedAt} labels={labels} />}</Td> : null}
            </tr>
          ))}
        </Table>
      )}
      <p className="mt-3 text-sm text-slate-500">{c("pageOf", { page: result.page, pages: result.pages })}</p>
    </>
  );
}
