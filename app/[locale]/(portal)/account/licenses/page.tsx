import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { listLicensesForOwner } from "@/lib/licensing/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/lib/i18n/navigation";

const STATUS_TONE = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

export default async function LicensesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/licenses");
  const t = await getTranslations("Account");
  const format = await getFormatter();
  const licenses = await listLicensesForOwner(viewer.id);
  return (
    <>
      <PageHeader title={t("licenses")} description={t("licensesCount", { count: licenses.length })} />
      {licenses.length === 0 ? (
        <EmptyState action={<Link href="/" className="text-sm font-medium text-brand-600 hover:underline">{t("shopNow")}</Link>}>{t("noLicenses")}</EmptyState>
      ) : (
        <Table head={[t("product"), t("key"), t("status"), t("activations"), t("expires")]}>
          {licenses.map((l) => (
            <tr key={l.id}>
              <Td><span className="font-medium text-slate-900">{l.product.name}</span><span className="block text-xs text-slate-500">{l.plan.name}</span></Td>
              <Td><code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs" dir="ltr">{l.keyHint}</code></Td>
              <Td><Badge tone={STATUS_TONE[l.status]}>{t(`status${l.status}`)}</Badge></Td>
              <Td>{l.activationsUsed} / {l.seats}</Td>
              <Td>{l.expiresAt ? format.dateTime(l.expiresAt, { dateStyle: "medium" }) : t("never")}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
