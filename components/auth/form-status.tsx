"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import { Alert } from "@/components/ui/card";

/** The form-level message for an action result: translated from its error code. */
export function FormStatus({ state, success }: { state: ActionState; success?: string }) {
  const t = useTranslations("Auth");
  if (state.ok && success) return <Alert tone="green" role="status">{success}</Alert>;
  if (state.ok || !state.code) return null;
  const fields = state.fields ?? {};
  let message: string;
  if (state.code === "RATE_LIMITED") message = t("rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfterSec ?? 60) / 60)) });
  else if (state.code === "UNAUTHENTICATED") message = t("wrongCredentials");
  else if (state.code === "FORBIDDEN") message = fields.email?.includes("emailNotVerified") ? t("notVerified") : t("suspended");
  else if (state.code === "VALIDATION_FAILED") message = fields.token ? t("verifyFailed") : t("fixErrors");
  else message = t("genericError");
  return <Alert>{message}</Alert>;
}

