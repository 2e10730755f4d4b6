import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { Link } from "@/lib/i18n/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { CatalogProductForm } from "@/components/admin/catalog-product-form";
import { createProductAction } from "../actions";

export default async function AdminNewProductPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "/products/new", ADMIN_ROLES);
  const t = await getTranslations("AdminCatalog");
  return (
    <>
      <Link href="/admin/products" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToProducts")}
      </Link>
      <PageHeader title={t("newProduct")} />
      <Card>
        <ClientMessages namespaces={["AdminCatalog", "Validation", "Errors"]}>
          <CatalogProductForm action={createProductAction} />
        </ClientMessages>
      </Card>
    </>
  );
}
