"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateProfileAction } from "@/app/[locale]/(portal)/account/settings/actions";
import { initialActionState } from "@/lib/http/action-state";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/auth/form-status";

export function ProfileForm({ profile, labels }: { profile: { name: string | null; locale: string }; labels: { language: string; saved: string } }) {
  const t = useTranslations("Auth");
  const c = useTranslations("Common");
  const [state, action, pending] = useActionState(updateProfileAction, initialActionState);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormStatus state={state} success={labels.saved} />
      <FormField name="name" label={t("name")} required maxLength={100} defaultValue={state.values?.name ?? profile.name ?? ""} errors={state.fields?.name} />
      <div>
        <label htmlFor="field-locale" className="block text-sm font-medium text-slate-800">{labels.language}</label>
        <select id="field-locale" name="locale" defaultValue={state.values?.locale ?? profile.locale}
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 ring-1 ring-inset ring-slate-300">
          {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
        </select>
      </div>
      <Button type="submit" disabled={pending}>{c("save")}</Button>
    </form>
  );
}
