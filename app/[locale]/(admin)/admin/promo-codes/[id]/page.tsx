import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getPromoCodeForAdmin, type AdminPromoCode } from "@/lib/promo/admin-queries";
import { listProductsForAdmin } from "@/lib/catalog/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { ClientMessages } from "@/components/layout/client-messages";
import { CatalogForm } from "@/components/admin/catalog-form";
import { PromoForm, type PromoFormValues } from "@/components/admin/promo-form";
import { deactivatePromoCodeAction, updatePromoCodeAction } from "../actions";

const text = (n: number | null) => (n === null ? "" : String(n));
/** A UTC instant as the value of a datetime-local field (the form reads it back as UTC). */
const local = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

function formValues(p: AdminPromoCode): PromoFormValues {
  return {
    code: p.code, kind: p.kind, percentBp: text(p.percentBp), amounts: Object.entries(p.amounts ?? {}).map(([c, a]) => `${c} ${a}`).join("\n"),
    startsAt: local(p.startsAt), endsAt: local(p.endsAt), maxRedemptions: text(p.maxRedemptions), perCustomerLimit: text(p.perCustomerLimit),
    minOrder: p.minOrder ?? "", minOrderCurrency: p.minOrderCurrency ?? "", resetPeriod: p.resetPeriod, firstPurchaseOnly: p.firstPurchaseOnly,
    active: p.active, productIds: p.productIds,
  };
}

export default async function AdminPromoCodePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const viewer = await requireStaffPage(locale, `/promo-codes/${encodeURIComponent(id)}`);
  const promo = await getPromoCodeForAdmin(viewer, id);
  if (!promo) notFound();
  const products = await listProductsForAdmin(viewer);
  const t = await getTranslations("AdminPromo");
  const a = await getTranslations("Account");
  const format = await getFormatter();
  const readOnly = viewer.role !== "ADMIN";
  const usage = promo.maxRedemptions === null ? t("usageUnlimited", { used: promo.usage.used }) : t("usageOf", { used: promo.usage.used, max: promo.maxRedemptions });
  return (
    <>
      <Link href="/admin/promo-codes" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToList")}
      </Link>
      <PageHeader
        title={promo.code}
        description={<span className="flex flex-wrap items-center gap-2">
          {promo.active ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
          <span data-testid="promo-usage">{t("usage")}: {usage}</span>
          <span>· {t("totalRedemptions", { count: promo._count.redemptions })}</span>
          {promo.usage.periodStart ? <span>· {t("periodStart")}: {format.dateTime(promo.usage.periodStart, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</span> : null}
        </span>}
      />
      <ClientMessages namespaces={["AdminPromo", "AdminCatalog", "Validation", "Errors"]}>
        <div className="space-y-8">
          {readOnly ? <Alert tone="amber" role="status">{t("readOnly")}</Alert> : null}
          <Card>
            <PromoForm action={updatePromoCodeAction} products={products.map((p) => ({ id: p.id, name: p.name }))} promoCodeId={promo.id} values={formValues(promo)} readOnly={readOnly} />
          </Card>
          {promo.active && !readOnly ? (
            <Card>
              <p className="mb-3 text-sm text-slate-600">{t("deactivateHint")}</p>
              <CatalogForm action={deactivatePromoCodeAction} id="deactivate-promo" submitLabel={t("deactivate")} variant="danger" hidden={{ promoCodeId: promo.id }} />
            </Card>
          ) : null}
        </div>
      </ClientMessages>
      <section aria-labelledby="redemptions-title" className="mt-8">
        <h2 id="redemptions-title" className="mb-3 text-lg font-semibold text-slate-900">{t("recentRedemptions")}</h2>
        {promo.redemptions.length === 0 ? <EmptyState>{t("noRedemptions")}</EmptyState> : (
          <Table head={[t("redeemedAt"), t("customer"), t("order"), a("status"), t("discount")]}>
            {promo.redemptions.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td><Link href={`/admin/users/${r.user.id}`} className="text-brand-700 hover:underline">{r.user.email}</Link></Td>
                <Td><Link href={`/admin/orders/${r.order.id}`} className="font-mono text-xs text-brand-700 hover:underline" dir="ltr">{r.order.id}</Link></Td>
                <Td>{a(`order${r.order.status}`)}</Td>
                <Td>{formatMoney(r.order.discountMinor, r.order.currency, locale)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
