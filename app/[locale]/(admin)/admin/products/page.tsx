import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listProductsForAdmin } from "@/lib/catalog/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";

export default async function AdminProductsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/products");
  const t = await getTranslations("Admin");
  const c = await getTranslations("AdminCatalog");
  const h = await getTranslations("Home");
  const products = await listProductsForAdmin(viewer);
  const newProduct = viewer.role === "ADMIN" ? <Link href="/admin/products/new" className={buttonClass()}>{c("newProduct")}</Link> : undefined;
  return (
    <>
      <PageHeader title={t("products")} actions={newProduct} />
      {products.length === 0 ? <EmptyState>{h("noProducts")}</EmptyState> : (
        <Table head={[t("name"), t("type"), t("plans"), t("licenses"), t("status")]}>
          {products.map((p) => (
            <tr key={p.id} data-testid={`product-row-${p.slug}`}>
              <Td>
                <Link href={`/admin/products/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
                <code dir="ltr" className="block text-xs text-slate-500">{p.slug}</code>
              </Td>
              <Td>{p.licenseType === "SITE" ? h("siteLicense") : h("softwareLicense")}</Td>
              <Td>{p._count.plans}</Td>
              <Td>{p._count.licenses}</Td>
              <Td>{p.active ? <Badge tone="green">{t("visible")}</Badge> : <Badge>{t("hidden")}</Badge>}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
