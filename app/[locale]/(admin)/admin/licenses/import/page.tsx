import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { listImportTargets } from "@/lib/licensing/import/import-targets";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/licensing/import/schemas";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { LicenseImportForm } from "@/components/admin/license-import-form";
import { importLicensesAction } from "./actions";

const CLIENT_NAMESPACES = ["LicenseImport", "LicenseDetail"] as const;

export default async function LicenseImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "/licenses/import", ADMIN_ROLES);
  const t = await getTranslations("LicenseImport");
  const list = await getTranslations("AdminLicenses");
  const targets = await listImportTargets();
  return (
    <>
      <Link href="/admin/licenses" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {list("backToList")}
      </Link>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={CLIENT_NAMESPACES}>
        <LicenseImportForm action={importLicensesAction} targets={targets} maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
      </ClientMessages>
    </>
  );
}
