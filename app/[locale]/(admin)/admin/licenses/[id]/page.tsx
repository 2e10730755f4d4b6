import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getLicenseAsStaff } from "@/lib/licensing/staff-license-queries";
import { Link } from "@/lib/i18n/navigation";
import { Alert, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { LicenseFacts, LicenseFact } from "@/components/licensing/license-facts";
import { LicenseKeyPanel } from "@/components/licensing/license-key-panel";
import { ActivationsTable } from "@/components/licensing/activations-table";
import { LicenseAdminActions } from "@/components/admin/license-admin-actions";
import {
  extendLicenseAction, reinstateLicenseAction, releaseActivationAction, resetActivationsAction,
  revealKeyAction, revokeLicenseAction, rotateKeyAction, suspendLicenseAction,
} from "./actions";

const CLIENT_NAMESPACES = ["LicenseDetail", "AdminLicenses", "Licensing", "Validation"] as const;

export default async function AdminLicensePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const viewer = await requireStaffPage(locale, `/licenses/${encodeURIComponent(id)}`);
  const license = await getLicenseAsStaff(viewer, id);
  if (!license) notFound();
  const t = await getTranslations("AdminLicenses");
  const d = await getTranslations("LicenseDetail");
  const format = await getFormatter();
  const canChange = viewer.role === "ADMIN";
  const { policy } = license;
  const actions = { suspend: suspendLicenseAction, reinstate: reinstateLicenseAction, revoke: revokeLicenseAction, extend: extendLicenseAction, reset: resetActivationsAction };
  return (
    <>
      <Link href="/admin/licenses" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToList")}
      </Link>
      <PageHeader
        title={`${license.product.name} · ${license.plan.name}`}
        description={<code dir="ltr" className="text-xs">{license.id}</code>}
      />
      <div className="space-y-8">
        {canChange ? null : <Alert tone="amber" role="status">{t("readOnly")}</Alert>}
        {license.suspendedReason ? (
          <Alert tone={license.status === "REVOKED" ? "red" : "amber"} role="status">
            <span className="font-semibold">{license.status === "REVOKED" ? t("revokedReason") : t("suspendedReason")}</span> {license.suspendedReason}
          </Alert>
        ) : null}
        <LicenseFacts
          license={license}
          extra={
            <LicenseFact label={t("customer")}>
              {license.user ? (
                <>
                  <Link href={{ pathname: "/admin/users", query: { q: license.user.email } }} className="break-words font-medium text-brand-700 hover:underline">{license.user.email}</Link>
                  {license.user.name ? <span className="block text-sm text-slate-500">{license.user.name}</span> : null}
                </>
              ) : <span className="text-slate-500">{t("unassigned")}</span>}
            </LicenseFact>
          }
        />
        <p className="text-sm text-slate-600">
          {t("policy", { limit: policy.reassignmentLimit, days: policy.reassignmentPeriodDays, grace: policy.gracePeriodDays })}
          {license.paymentOverdueAt ? <> · {t("paymentOverdueSince", { date: license.paymentOverdueAt })}</> : null}
          {" · "}{t("updated", { date: format.dateTime(license.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <div className="space-y-8">
            <LicenseKeyPanel
              licenseId={license.id}
              keyHint={license.keyHint}
              reveal={canChange ? revealKeyAction : undefined}
              rotate={canChange ? rotateKeyAction : undefined}
              canRotate={license.status !== "REVOKED"}
              audience="staff"
            />
            <section aria-labelledby="activations-title">
              <h2 id="activations-title" className="text-lg font-semibold text-slate-900">{d("activationsTitle")}</h2>
              <p className="mb-3 mt-1 text-sm text-slate-600">{t("activationsIntro")}</p>
              <ActivationsTable
                licenseId={license.id}
                activations={license.activations}
                release={canChange ? { action: releaseActivationAction, label: t("release") } : undefined}
              />
            </section>
            {canChange ? (
              <section aria-labelledby="manage-title">
                <h2 id="manage-title" className="mb-3 text-lg font-semibold text-slate-900">{t("manageTitle")}</h2>
                <LicenseAdminActions licenseId={license.id} status={license.status} activeActivations={license.activations.filter((a) => a.status === "ACTIVE").length} actions={actions} />
              </section>
            ) : null}
          </div>
        </ClientMessages>
      </div>
    </>
  );
}
