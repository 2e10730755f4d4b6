"use client";

import { useTranslations } from "next-intl";
import { LICENSE_TYPES } from "@/lib/catalog/schemas";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogCheckbox, CatalogInput, CatalogSelect, CatalogTextarea } from "./catalog-fields";

export type ProductFormValues = {
  slug: string; name: string; tagline: string | null; description: string | null; licenseType: string; active: boolean; sortOrder: number;
};

/** Creates a product (no `productId`) or edits one. */
export function CatalogProductForm({ action, productId, product, readOnly = false }: { action: CatalogAction; productId?: string; product?: ProductFormValues; readOnly?: boolean }) {
  const t = useTranslations("AdminCatalog");
  return (
    <CatalogForm action={action} id="product-form" submitLabel={productId ? t("saveChanges") : t("createProduct")} hidden={productId ? { productId } : {}} readOnly={readOnly} className="grid gap-4 sm:grid-cols-2">
      <CatalogInput name="name" label={t("name")} defaultValue={product?.name} required maxLength={120} />
      <CatalogInput name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={product?.slug} required maxLength={64} dir="ltr" />
      <CatalogInput name="tagline" label={t("tagline")} defaultValue={product?.tagline ?? ""} maxLength={200} className="sm:col-span-2" />
      <CatalogTextarea name="description" label={t("description")} defaultValue={product?.description ?? ""} maxLength={5000} className="sm:col-span-2" />
      <CatalogSelect name="licenseType" label={t("licenseType")} defaultValue={product?.licenseType ?? "SOFTWARE"} options={LICENSE_TYPES.map((v) => ({ value: v, label: t(`license${v}`) }))} />
      <CatalogInput name="sortOrder" label={t("sortOrder")} type="number" inputMode="numeric" defaultValue={String(product?.sortOrder ?? 0)} />
      <CatalogCheckbox name="active" label={t("onSale")} defaultChecked={product?.active ?? true} className="sm:col-span-2" />
    </CatalogForm>
  );
}
