"use client";

import { useTranslations } from "next-intl";
import { MAX_TIERS } from "@/lib/catalog/schemas";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogInput } from "./catalog-fields";

type Tier = { minQuantity: number; discountBp: number };

/** A product's volume tiers as rows (existing ones plus blanks); saving replaces the whole list. */
export function CatalogTiersEditor({ productId, tiers, action, readOnly = false }: { productId: string; tiers: Tier[]; action: CatalogAction; readOnly?: boolean }) {
  const t = useTranslations("AdminCatalog");
  const rows = Math.min(MAX_TIERS, tiers.length + (readOnly ? 0 : 2));
  return (
    <CatalogForm action={action} id="tiers-form" submitLabel={t("saveTiers")} hidden={{ productId }} readOnly={readOnly} className="space-y-3">
      {rows === 0 ? <p className="text-sm text-slate-500">—</p> : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="grid gap-3 sm:grid-cols-2">
          <CatalogInput name={`tiers.${i}.minQuantity`} label={t("minQuantity")} type="number" inputMode="numeric" min={2} defaultValue={tiers[i] ? String(tiers[i].minQuantity) : ""} />
          <CatalogInput name={`tiers.${i}.discountBp`} label={t("discountBp")} hint={i === 0 ? t("discountHint") : undefined} type="number" inputMode="numeric" min={0} max={10000} defaultValue={tiers[i] ? String(tiers[i].discountBp) : ""} />
        </div>
      ))}
    </CatalogForm>
  );
}
