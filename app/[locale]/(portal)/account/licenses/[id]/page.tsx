import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getLicenseDetailForOwner } from "@/lib/licensing/queries";
import { Link } from "@/lib/i18n/navigation";
import { Alert, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { LicenseFacts, LicenseFact } from "@/components/licensing/license-facts";
import { LicenseKeyPanel } from "@/components/licensing/license-key-panel";
import { ActivationsTable } from "@/components/licensing/activations-table";
import { releaseOwnActivationAction, revealOwnKeyAction, rotateOwnKeyAction } from "./actions";

const CLIENT_NAMESPACES = ["LicenseDetail", "Licensing"] as const;
// What the customer is told about a license that does not simply work (Licensing.codes messages).
const STATUS_NOTICE = { IN_GRACE: "EXPIRED_IN_GRACE", EXPIRED: "EXPIRED", PAYMENT_OVERDUE: "PAYMENT_OVERDUE", SUSPENDED: "SUSPENDED", REVOKED: "REVOKED" } as const;

export default async function LicenseDetailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const viewer = await requireViewerPage(locale, `/account/licenses/${encodeURIComponent(id)}`);
  const license = await getLicenseDetailForOwner(viewer.id, id);
  if (!license) notFound();
  const t = await getTranslations("PortalLicenses");
  const d = await getTranslations("LicenseDetail");
  const codes = await getTranslations("Licensing.codes");
  const notice = license.displayStatus === "ACTIVE" ? null : STATUS_NOTICE[license.displayStatus];
  const { used, limit, periodDays } = license.releases;
  const left = Math.max(0, limit - used);
  return (
    <>
      <Link href="/account/licenses" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToList")}
      </Link>
      <PageHeader
        title={license.product.name}
        description={<>{license.plan.name} · <code dir="ltr" className="text-xs">{license.id}</code></>}
      />
      <div className="space-y-8">
        {notice ? <Alert tone={license.displayStatus === "REVOKED" ? "red" : "amber"} role="status">{codes(notice)}</Alert> : null}
        <LicenseFacts
          license={license}
          extra={
            <LicenseFact label={t("selfServiceReleases")}>
              <span className="font-semibold">{t("releasesLeft", { left, limit })}</span>
              <span className="mt-1 block text-sm text-slate-500">{t("releasesPeriod", { days: periodDays })}</span>
            </LicenseFact>
          }
        />
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <LicenseKeyPanel licenseId={license.id} keyHint={license.keyHint} reveal={revealOwnKeyAction} rotate={rotateOwnKeyAction} canRotate={license.status !== "REVOKED"} />
          <section aria-labelledby="activations-title" className="mt-8">
            <h2 id="activations-title" className="text-lg font-semibold text-slate-900">{d("activationsTitle")}</h2>
            <p id="release-hint" className="mb-3 mt-1 text-sm text-slate-600">
              {license.product.licenseType === "SITE" ? t("activationsIntroSite") : t("activationsIntroDevice")} {t("releaseHint", { limit, days: periodDays })}
            </p>
            <ActivationsTable
              licenseId={license.id}
              activations={license.activations}
              release={{ action: releaseOwnActivationAction, label: t("deactivate") }}
              releaseHintId="release-hint"
            />
          </section>
        </ClientMessages>
      </div>
    </>
  );
}
