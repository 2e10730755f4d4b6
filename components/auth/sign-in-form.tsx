"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/app/[locale]/(auth)/actions";
import { initialActionState } from "@/lib/http/action-state";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "./form-status";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState(signInAction, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormField name="email" type="email" label={t("email")} autoComplete="email" required maxLength={254}
        defaultValue={state.values?.email} errors={state.code === "VALIDATION_FAILED" ? state.fields?.email : undefined} />
      <FormField name="password" type="password" label={t("password")} autoComplete="current-password" required
        errors={state.code === "VALIDATION_FAILED" ? state.fields?.password : undefined} />
      <Button type="submit" disabled={pending} className="w-full">{t("signInSubmit")}</Button>
    </form>
  );
}
