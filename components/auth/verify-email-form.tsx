"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendVerificationAction, verifyEmailAction } from "@/app/[locale]/(auth)/actions";
import { initialActionState } from "@/lib/http/action-state";
import { Link } from "@/lib/i18n/navigation";
import { FormField } from "@/components/ui/form-field";
import { Button, buttonClass } from "@/components/ui/button";
import { FormStatus } from "./form-status";

/** Confirmation takes a click (a POST), so link scanners that open mailed links cannot use up the token. */
export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("Auth");
  const n = useTranslations("Nav");
  const [state, action, pending] = useActionState(verifyEmailAction, initialActionState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} success={t("verifySuccess")} />
        <Link href="/sign-in" className={buttonClass("primary", "w-full")}>{n("signIn")}</Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4">
        <FormStatus state={state} />
        <input type="hidden" name="token" value={token} />
        <Button type="submit" disabled={pending} className="w-full">{t("verifyTitle")}</Button>
      </form>
      {state.code ? <ResendVerificationForm /> : null}
    </div>
  );
}

export function ResendVerificationForm({ email }: { email?: string }) {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState(resendVerificationAction, initialActionState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormStatus state={state} success={t("resendSent")} />
      <FormField name="email" type="email" label={t("email")} required defaultValue={state.values?.email ?? email} errors={state.fields?.email} />
      <Button type="submit" variant="secondary" disabled={pending} className="w-full">{t("resendVerification")}</Button>
    </form>
  );
}
