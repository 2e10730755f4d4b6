"use client";

import { useTranslations } from "next-intl";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogInput, CatalogSelect, CatalogTextarea } from "./catalog-fields";

type Translation = { locale: string; name: string; tagline: string | null; description: string | null };

/** Existing translations (each editable and removable) and a form to add one for another language. */
export function CatalogTranslations({ productId, translations, locales, saveAction, removeAction, readOnly = false }: {
  productId: string; translations: Translation[]; locales: readonly { value: string; label: string }[];
  saveAction: CatalogAction; removeAction: CatalogAction; readOnly?: boolean;
}) {
  const t = useTranslations("AdminCatalog");
  const used = new Set(translations.map((tr) => tr.locale));
  const free = locales.filter((l) => !used.has(l.value));
  const label = (code: string) => locales.find((l) => l.value === code)?.label ?? code;
  return (
    <div className="space-y-4">
      {translations.length === 0 ? <p className="text-sm text-slate-500">{t("noTranslations")}</p> : null}
      {translations.map((tr) => (
        <details key={tr.locale} className="rounded-lg p-3 ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">{label(tr.locale)} · {tr.name}</summary>
          <div className="mt-3 space-y-3">
            <CatalogForm action={saveAction} id={`translation-${tr.locale}`} submitLabel={t("saveTranslation")} hidden={{ productId, locale: tr.locale }} readOnly={readOnly} className="grid gap-3">
              <CatalogInput name="name" label={t("name")} defaultValue={tr.name} maxLength={120} lang={tr.locale} />
              <CatalogInput name="tagline" label={t("tagline")} defaultValue={tr.tagline ?? ""} maxLength={200} lang={tr.locale} />
              <CatalogTextarea name="description" label={t("description")} defaultValue={tr.description ?? ""} maxLength={5000} lang={tr.locale} />
            </CatalogForm>
            {readOnly ? null : <CatalogForm action={removeAction} id={`remove-translation-${tr.locale}`} submitLabel={t("remove")} variant="secondary" hidden={{ productId, locale: tr.locale }} />}
          </div>
        </details>
      ))}
      {readOnly || free.length === 0 ? null : (
        <CatalogForm action={saveAction} id="new-translation" submitLabel={t("saveTranslation")} hidden={{ productId }} className="grid gap-3 sm:grid-cols-2">
          <CatalogSelect name="locale" label={t("language")} options={free} />
          <CatalogInput name="name" label={t("name")} maxLength={120} />
          <CatalogInput name="tagline" label={t("tagline")} maxLength={200} className="sm:col-span-2" />
          <CatalogTextarea name="description" label={t("description")} maxLength={5000} className="sm:col-span-2" />
        </CatalogForm>
      )}
    </div>
  );
}
