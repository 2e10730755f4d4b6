"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useCatalogForm } from "./catalog-form";

const control = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 disabled:text-slate-500";

type Common = { name: string; label: string; hint?: string; defaultValue?: string; className?: string };

/** Label, error and hint wiring shared by every catalog field; messages from AdminCatalog.errors, then Validation. */
function useField(name: string, hint?: string) {
  const form = useCatalogForm();
  const t = useTranslations("AdminCatalog.errors");
  const custom = useTranslations((form.errorNamespace ?? "AdminCatalog.errors") as "AdminCatalog.errors");
  const v = useTranslations("Validation");
  const id = `${form.idPrefix}-${name.replace(/\./g, "-")}`;
  const errors = form.errors(name);
  const text = errors
    ?.map((e) => (custom.has(e as never) ? custom(e as never) : t.has(e as never) ? t(e as never) : v.has(e as never) ? v(e as never) : v("invalid")))
    .join(" ");
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const ring = errors?.length ? "ring-red-400" : "ring-slate-300";
  const below = (
    <>
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-xs text-red-600">{text}</p> : null}
      {hint && !errors?.length ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </>
  );
  return { id, invalid: errors?.length ? true : undefined, describedBy, ring, below, value: form.value };
}

export function CatalogInput({ name, label, hint, defaultValue = "", className = "", ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue">) {
  const f = useField(name, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input id={f.id} name={name} defaultValue={f.value(name, defaultValue)} aria-invalid={f.invalid} aria-describedby={f.describedBy} className={`${control} ${f.ring}`} {...input} />
      {f.below}
    </div>
  );
}

export function CatalogTextarea({ name, label, hint, defaultValue = "", className = "", ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "defaultValue">) {
  const f = useField(name, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <textarea id={f.id} name={name} rows={3} defaultValue={f.value(name, defaultValue)} aria-invalid={f.invalid} aria-describedby={f.describedBy} className={`${control} ${f.ring}`} {...rest} />
      {f.below}
    </div>
  );
}

export function CatalogSelect({ name, label, hint, defaultValue = "", className = "", options, ...rest }: Common & { options: readonly { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "defaultValue">) {
  const f = useField(name, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={f.id} name={name} defaultValue={f.value(name, defaultValue)} aria-invalid={f.invalid} aria-describedby={f.describedBy} className={`${control} ${f.ring}`} {...rest}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {f.below}
    </div>
  );
}

/** A checkbox; after a failed submit it shows what was sent (absent = unchecked). */
export function CatalogCheckbox({ name, label, defaultChecked = false, className = "" }: { name: string; label: string; defaultChecked?: boolean; className?: string }) {
  const form = useCatalogForm();
  const f = useField(name);
  const failedValues = form.value("$submitted", "") === "1";
  return (
    <div className={className}>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" id={f.id} name={name} defaultChecked={failedValues ? form.value(name, "") === "on" : defaultChecked} className="h-4 w-4 rounded border-slate-300" />
        {label}
      </label>
      {f.below}
    </div>
  );
}
