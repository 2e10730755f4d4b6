"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/[locale]/(auth)/actions";
import { initialActionState } from "@/lib/http/action-state";
import { Link } from "@/lib/i18n/navigation";
import { FormField } from "@/components/ui/form-field";
import { Button, buttonClass } from "@/components/ui/button";
import { FormStatus } from "./form-status";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("Auth");
  const n = useTranslations("Nav");
  const [state, action, pending] = useActionState(resetPasswordAction, initialActionState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} success={t("resetDone")} />
        <Link href="/sign-in" className={buttonClass("primary", "w-full")}>{n("signIn")}</Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField name="password" type="password" label={t("newPassword")} autoComplete="new-password" required hint={t("passwordHint")} errors={state.fields?.password} />
      <Button type="submit" disabled={pending} className="w-full">{t("resetSubmit")}</Button>
    </form>
  );
}
