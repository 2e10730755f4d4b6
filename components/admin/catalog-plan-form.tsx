"use client";

import { useTranslations } from "next-intl";
import { BILLING_INTERVALS, NEW_PLAN_DEFAULTS } from "@/lib/catalog/schemas";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogCheckbox, CatalogInput, CatalogSelect } from "./catalog-fields";

/** A plan's values as form text (blank = null). */
export type PlanFormValues = { slug: string; name: string; active: boolean } & Record<keyof typeof NEW_PLAN_DEFAULTS, string>;

const NUMBER_FIELDS = [
  ["activationLimit"], ["durationDays", "durationHint"], ["gracePeriodDays"], ["reassignmentLimit"], ["reassignmentPeriodDays"],
  ["reassignmentCooldownSec"], ["heartbeatIntervalSec", "heartbeatHint"], ["heartbeatGraceSec"], ["offlineTokenTtlSec"], ["sortOrder"],
] as const;

/** Creates a plan on `productId`, or edits `planId`, with its whole licensing policy. */
export function CatalogPlanForm({ action, productId, planId, plan, readOnly = false }: { action: CatalogAction; productId?: string; planId?: string; plan?: PlanFormValues; readOnly?: boolean }) {
  const t = useTranslations("AdminCatalog");
  const values = plan ?? { slug: "", name: "", active: true, ...NEW_PLAN_DEFAULTS };
  const id = planId ? `plan-${planId}` : "new-plan";
  return (
    <CatalogForm action={action} id={id} submitLabel={planId ? t("saveChanges") : t("createPlan")} hidden={planId ? { planId } : { productId: productId ?? "" }} readOnly={readOnly} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <CatalogInput name="name" label={t("name")} defaultValue={values.name} required maxLength={120} />
      <CatalogInput name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={values.slug} required maxLength={64} dir="ltr" />
      <CatalogSelect name="billingInterval" label={t("billing")} defaultValue={values.billingInterval} options={BILLING_INTERVALS.map((v) => ({ value: v, label: t(`interval${v}`) }))} />
      {NUMBER_FIELDS.map(([name, hint]) => (
        <CatalogInput key={name} name={name} label={t(name)} hint={hint ? t(hint) : undefined} defaultValue={values[name]} type="number" inputMode="numeric" />
      ))}
      <CatalogInput name="entitlements" label={t("entitlements")} hint={t("entitlementsHint")} defaultValue={values.entitlements} dir="ltr" className="sm:col-span-2 lg:col-span-1" />
      <CatalogInput name="channels" label={t("channels")} hint={t("channelsHint")} defaultValue={values.channels} dir="ltr" />
      <CatalogCheckbox name="active" label={t("onSale")} defaultChecked={values.active} className="self-end" />
    </CatalogForm>
  );
}
