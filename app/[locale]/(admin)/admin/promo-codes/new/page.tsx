import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { listProductsForAdmin } from "@/lib/catalog/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { PromoForm } from "@/components/admin/promo-form";
import { createPromoCodeAction } from "../actions";

export default async function AdminNewPromoCodePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/promo-codes/new", ADMIN_ROLES);
  const products = await listProductsForAdmin(viewer);
  const t = await getTranslations("AdminPromo");
  return (
    <>
      <Link href="/admin/promo-codes" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToList")}
      </Link>
      <PageHeader title={t("newCode")} />
      <Card>
        <ClientMessages namespaces={["AdminPromo", "AdminCatalog", "Validation", "Errors"]}>
          <PromoForm action={createPromoCodeAction} products={products.map((p) => ({ id: p.id, name: p.name }))} />
        </ClientMessages>
      </Card>
    </>
  );
}
