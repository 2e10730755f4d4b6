"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/app/[locale]/(auth)/actions";
import { initialActionState } from "@/lib/http/action-state";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "./form-status";

export function ForgotPasswordForm() {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState(forgotPasswordAction, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} success={t("forgotSent")} />
      <FormField name="email" type="email" label={t("email")} autoComplete="email" required maxLength={254} defaultValue={state.values?.email} errors={state.fields?.email} />
      <Button type="submit" disabled={pending} className="w-full">{t("forgotSubmit")}</Button>
    </form>
  );
}
