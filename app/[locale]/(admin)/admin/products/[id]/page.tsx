import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getProductForAdmin, type AdminPlan } from "@/lib/catalog/admin-queries";
import { TRANSLATION_LOCALES } from "@/lib/catalog/schemas";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { CatalogForm } from "@/components/admin/catalog-form";
import { CatalogProductForm } from "@/components/admin/catalog-product-form";
import { CatalogPlanForm, type PlanFormValues } from "@/components/admin/catalog-plan-form";
import { CatalogPriceEditor } from "@/components/admin/catalog-price-editor";
import { CatalogTiersEditor } from "@/components/admin/catalog-tiers-editor";
import { CatalogTranslations } from "@/components/admin/catalog-translations";
import * as actions from "./actions";

const text = (n: number | null) => (n === null ? "" : String(n));

function planValues(plan: AdminPlan): PlanFormValues {
  return {
    slug: plan.slug, name: plan.name, active: plan.active, billingInterval: plan.billingInterval, durationDays: text(plan.durationDays),
    activationLimit: text(plan.activationLimit), reassignmentLimit: text(plan.reassignmentLimit), reassignmentPeriodDays: text(plan.reassignmentPeriodDays),
    reassignmentCooldownSec: text(plan.reassignmentCooldownSec), heartbeatIntervalSec: text(plan.heartbeatIntervalSec), heartbeatGraceSec: text(plan.heartbeatGraceSec),
    offlineTokenTtlSec: text(plan.offlineTokenTtlSec), gracePeriodDays: text(plan.gracePeriodDays), entitlements: plan.entitlements.join(", "),
    channels: plan.channels.join(", "), sortOrder: text(plan.sortOrder),
  };
}

export default async function AdminProductPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const viewer = await requireStaffPage(locale, `/products/${encodeURIComponent(id)}`);
  const product = await getProductForAdmin(viewer, id);
  if (!product) notFound();
  const t = await getTranslations("AdminCatalog");
  const readOnly = viewer.role !== "ADMIN";
  const locales = TRANSLATION_LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }));
  const section = "text-lg font-semibold text-slate-900";
  return (
    <>
      <Link href="/admin/products" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-brand-600 hover:underline">
        <span aria-hidden className="rtl:rotate-180">←</span> {t("backToProducts")}
      </Link>
      <PageHeader title={product.name} description={<code dir="ltr" className="text-xs">{product.id}</code>} />
      <ClientMessages namespaces={["AdminCatalog", "Validation", "Errors"]}>
        <div className="space-y-8">
          {readOnly ? <Alert tone="amber" role="status">{t("readOnly")}</Alert> : null}
          <Card>
            <h2 className={`${section} mb-4`}>{t("productDetails")}</h2>
            <CatalogProductForm action={actions.updateProductAction} productId={product.id} product={product} readOnly={readOnly} />
          </Card>

          <section aria-labelledby="plans-title" className="space-y-4">
            <h2 id="plans-title" className={section}>{t("plans")}</h2>
            {product.plans.length === 0 ? <EmptyState>{t("noPlans")}</EmptyState> : null}
            {product.plans.map((plan) => (
              <Card key={plan.id}>
                <div data-testid={`plan-${plan.slug}`} className="space-y-6">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-base font-semibold text-slate-900">{plan.name}</h3>
                    <code dir="ltr" className="text-xs text-slate-500">{plan.slug}</code>
                    {plan.active ? <Badge tone="green">{t("onSale")}</Badge> : <Badge>{t("archived")}</Badge>}
                    <span className="text-xs text-slate-500">{t("planUsage", { licenses: String(plan._count.licenses), orders: String(plan._count.orderItems) })}</span>
                  </div>
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("editPlan")}</summary>
                    <div className="mt-4"><CatalogPlanForm action={actions.updatePlanAction} planId={plan.id} plan={planValues(plan)} readOnly={readOnly} /></div>
                  </details>
                  <div>
                    <h4 className="mb-2 text-sm font-semibold text-slate-800">{t("prices")}</h4>
                    <CatalogPriceEditor
                      planId={plan.id}
                      prices={plan.prices.map((p) => ({ currency: p.currency, amount: p.amount, formatted: formatMoney(p.amountMinor, p.currency, locale) }))}
                      setAction={actions.setPriceAction}
                      removeAction={actions.removePriceAction}
                      readOnly={readOnly}
                    />
                  </div>
                  {plan.active && !readOnly ? (
                    <div className="border-t border-slate-100 pt-4">
                      <p className="mb-2 text-xs text-slate-500">{t("archiveHint")}</p>
                      <CatalogForm action={actions.archivePlanAction} id={`archive-${plan.id}`} submitLabel={t("archivePlan")} variant="secondary" hidden={{ planId: plan.id }} />
                    </div>
                  ) : null}
                </div>
              </Card>
            ))}
            {readOnly ? null : (
              <Card>
                <h3 className="mb-4 text-base font-semibold text-slate-900">{t("addPlan")}</h3>
                <CatalogPlanForm action={actions.createPlanAction} productId={product.id} />
              </Card>
            )}
          </section>

          <Card>
            <h2 className={section}>{t("volumeTiers")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("volumeTiersIntro")}</p>
            <CatalogTiersEditor productId={product.id} tiers={product.volumeTiers} action={actions.setTiersAction} readOnly={readOnly} />
          </Card>

          <Card>
            <h2 className={section}>{t("translations")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("translationsIntro")}</p>
            <CatalogTranslations
              productId={product.id}
              translations={product.translations}
              locales={locales}
              saveAction={actions.saveTranslationAction}
              removeAction={actions.removeTranslationAction}
              readOnly={readOnly}
            />
          </Card>
        </div>
      </ClientMessages>
    </>
  );
}
