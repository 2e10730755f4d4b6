import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listProductsForAdmin } from "@/lib/catalog/admin-queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

export default async function AdminProductsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "/products");
  const t = await getTranslations("Admin");
  const h = await getTranslations("Home");
  const products = await listProductsForAdmin();
  return (
    <>
      <PageHeader title={t("products")} />
      {products.length === 0 ? <EmptyState>{h("noProducts")}</EmptyState> : (
        <Table head={[t("name"), t("type"), t("plans"), t("licenses"), t("status")]}>
          {products.map((p) => (
            <tr key={p.id}>
              <Td><span className="font-medium text-slate-900">{p.name}</span><code className="block text-xs text-slate-500">{p.slug}</code></Td>
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
