"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/app/[locale]/(auth)/actions";
import { initialActionState } from "@/lib/http/action-state";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "./form-status";

export function SignUpForm() {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState(signUpAction, initialActionState);
  const fields = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <FormField name="name" label={t("name")} autoComplete="name" required maxLength={100} defaultValue={state.values?.name} errors={fields.name} />
      <FormField name="email" type="email" label={t("email")} autoComplete="email" required maxLength={254} defaultValue={state.values?.email} errors={fields.email} />
      <FormField name="password" type="password" label={t("password")} autoComplete="new-password" required hint={t("passwordHint")} errors={fields.password} />
      <Button type="submit" disabled={pending} className="w-full">{t("signUpSubmit")}</Button>
    </form>
  );
}
