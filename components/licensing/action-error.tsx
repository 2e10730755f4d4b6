"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import { Alert } from "@/components/ui/card";

/** The translated error of a failed license action, or nothing. */
export function ActionError({ state, inline = false }: { state: ActionState; inline?: boolean }) {
  const t = useTranslations("LicenseDetail.errors");
  if (state.ok || !state.code) return null;
  const message = t.has(state.code) ? t(state.code) : t("INTERNAL");
  if (inline) return <p role="alert" className="text-xs text-red-700">{message}</p>;
  return <Alert>{message}</Alert>;
}
