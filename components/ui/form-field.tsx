"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input that shows translated validation messages (keys under `Validation`). */
export function FormField({ name, label, errors, hint, ...input }: Props) {
  const t = useTranslations("Validation");
  const id = `field-${name}`;
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 ${errors?.length ? "ring-red-400" : "ring-slate-300"}`}
        {...input}
      />
      {hint && !errors?.length ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600">
          {errors.map((e) => (t.has(e as never) ? t(e as never) : t("invalid"))).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
