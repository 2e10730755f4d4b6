import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getAccountOverview } from "@/lib/users/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account");
  const t = await getTranslations("Account");
  const overview = await getAccountOverview(viewer.id);
  return (
    <>
      <PageHeader title={t("welcome", { name: viewer.name ?? viewer.email })} description={t("memberSince", { date: overview.createdAt })} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <p className="text-sm text-slate-500">{t("activeLicenses")}</p>
          <p className="mt-1 text-3xl font-bold" data-testid="active-licenses">{overview.activeLicenses}</p>
          <Link href="/account/licenses" className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">{t("licenses")} →</Link>
        </Card>
        <Card>
          <p className="text-sm text-slate-500">{t("totalOrders")}</p>
          <p className="mt-1 text-3xl font-bold">{overview.orders}</p>
          <Link href="/account/orders" className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline">{t("orders")} →</Link>
        </Card>
      </div>
    </>
  );
}
