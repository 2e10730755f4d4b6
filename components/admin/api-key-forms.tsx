"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import type { CreateKeyState } from "@/app/[locale]/(admin)/admin/api-keys/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/[locale]/(admin)/admin/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SecretValue } from "@/components/ui/copy-button";

const initialCreate: CreateKeyState = { ok: false };
const initialRevoke: ActionState = { ok: false };
const inputClass = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-600";

/** Creates an integration key and shows its plaintext once, with a copy button. */
export function CreateApiKeyForm({ scopes }: { scopes: readonly string[] }) {
  const t = useTranslations("AdminApiKeys");
  const [state, action, pending] = useActionState(createApiKeyAction, initialCreate);
  const [dismissedFor, setDismissedFor] = useState<CreateKeyState | null>(null);
  const fields = state.ok ? {} : (state.fields ?? {});
  const error = (name: string, message: string) => (fields[name]?.length ? <p id={`${name}-error`} className="mt-1 text-xs text-red-600">{message}</p> : null);
  const ring = (name: string) => (fields[name]?.length ? "ring-red-400" : "ring-slate-300");
  // React resets the form after each submission: keep what the admin picked when it failed.
  const checkedScopes = !state.ok && state.values ? (state.values.scopes ?? "").split(",") : null;

  return (
    <div className="space-y-4">
      {state.ok && state.key && dismissedFor !== state ? (
        <div role="status" className="space-y-3 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200">
          <p className="font-semibold text-emerald-900">{t("createdTitle")}</p>
          <p className="text-sm text-emerald-900">{t("createdBody")}</p>
          <SecretValue value={state.key} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} testId="new-api-key" />
          <Button type="button" variant="secondary" onClick={() => setDismissedFor(state)}>{t("done")}</Button>
        </div>
      ) : null}
      {!state.ok && state.code && state.code !== "VALIDATION_FAILED" ? <Alert>{t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.INTERNAL")}</Alert> : null}
      <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
        <div className="sm:col-span-2">
          <label htmlFor="api-key-name" className="block text-sm font-medium text-slate-800">{t("name")}</label>
          <input id="api-key-name" name="name" required maxLength={80} defaultValue={state.ok ? "" : (state.values?.name ?? "")} placeholder={t("namePlaceholder")}
            aria-invalid={fields.name ? true : undefined} aria-describedby={fields.name ? "name-error" : undefined} className={`${inputClass} ${ring("name")}`} />
          {error("name", t("nameRequired"))}
        </div>
        <fieldset aria-describedby={fields.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("scopes")}</legend>
          <div className="mt-2 space-y-2">
            {scopes.map((s) => (
              <label key={s} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="scopes" value={s} defaultChecked={checkedScopes ? checkedScopes.includes(s) : s.endsWith(":read")} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                <span><code dir="ltr" className="text-xs font-semibold text-slate-900">{s}</code><span className="block text-xs text-slate-500">{t(`scopeHelp.${s.replace(":", "_")}`)}</span></span>
              </label>
            ))}
          </div>
          {error("scopes", t("scopesRequired"))}
        </fieldset>
        <div>
          <label htmlFor="api-key-expiry" className="block text-sm font-medium text-slate-800">{t("expiresInDays")}</label>
          <input id="api-key-expiry" name="expiresInDays" type="number" inputMode="numeric" min={1} max={3650} defaultValue={state.ok ? "" : (state.values?.expiresInDays ?? "")}
            aria-invalid={fields.expiresInDays ? true : undefined} aria-describedby={fields.expiresInDays ? "expiresInDays-error" : "expiry-hint"} className={`${inputClass} ${ring("expiresInDays")}`} />
          {fields.expiresInDays ? error("expiresInDays", t("expiryInvalid")) : <p id="expiry-hint" className="mt-1 text-xs text-slate-500">{t("expiryHint")}</p>}
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>{t("create")}</Button>
        </div>
      </form>
    </div>
  );
}

/** Revoke with a confirmation step; a revoked key stops working at once. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("AdminApiKeys");
  const [state, action, pending] = useActionState(revokeApiKeyAction, initialRevoke);
  const [confirmingFor, setConfirmingFor] = useState<ActionState | null>(null);
  const confirming = confirmingFor === state;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={pending} className="px-3 py-1 text-xs" aria-label={t("revokeConfirmLabel", { name })}>{t("revokeConfirm")}</Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmingFor(null)} className="px-3 py-1 text-xs">{t("cancel")}</Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirmingFor(state)} className="px-3 py-1 text-xs" aria-label={t("revokeLabel", { name })}>{t("revoke")}</Button>
      )}
      {!state.ok && state.code ? <p role="alert" className="w-full text-xs text-red-700">{t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.INTERNAL")}</p> : null}
    </div>
  );
}
