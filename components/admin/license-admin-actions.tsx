"use client";

import { useActionState, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { FormAction } from "@/components/licensing/action-states";
import { ActionError } from "@/components/licensing/action-error";

type Actions = Record<"suspend" | "reinstate" | "revoke" | "extend" | "reset", FormAction<ActionState>>;
type Props = { licenseId: string; status: "ACTIVE" | "SUSPENDED" | "REVOKED"; activeActivations: number; actions: Actions };

const initial: ActionState = { ok: false };

function Panel({ id, title, description, tone = "default", children }: { id: string; title: string; description: string; tone?: "default" | "danger"; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ${tone === "danger" ? "ring-red-200" : "ring-slate-200"}`}>
      <h3 id={id} className={`font-semibold ${tone === "danger" ? "text-red-800" : "text-slate-900"}`}>{title}</h3>
      <p className="mb-4 mt-1 text-sm text-slate-600">{description}</p>
      {children}
    </section>
  );
}

/** A labelled input with translated validation errors; `id` keeps two fields named alike apart. */
function Field({ id, label, errors, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string; label: string; errors?: string[] }) {
  const v = useTranslations("Validation");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={`mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-600 ${errors?.length ? "ring-red-400" : "ring-slate-300"}`}
        {...input}
      />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-xs text-red-600">{errors.map((e) => (v.has(e) ? v(e) : v("invalid"))).join(" ")}</p> : null}
    </div>
  );
}

function Result({ state, success }: { state: ActionState; success: string }) {
  if (state.ok) return <Alert tone="green" role="status">{success}</Alert>;
  return <ActionError state={state} />;
}

/** The admin's change forms for one license: status, expiry, activations and revocation. */
export function LicenseAdminActions({ licenseId, status, activeActivations, actions }: Props) {
  const t = useTranslations("AdminLicenses");
  const [suspendState, suspend, suspending] = useActionState(actions.suspend, initial);
  const [reinstateState, reinstate, reinstating] = useActionState(actions.reinstate, initial);
  const [extendState, extend, extending] = useActionState(actions.extend, initial);
  const [resetState, reset, resetting] = useActionState(actions.reset, initial);
  const [revokeState, revoke, revoking] = useActionState(actions.revoke, initial);
  const [confirmResetFor, setConfirmResetFor] = useState<ActionState | null>(null);
  const confirmReset = confirmResetFor === resetState;
  const hidden = <input type="hidden" name="licenseId" value={licenseId} />;

  if (status === "REVOKED") {
    return <Alert tone="amber" role="status">{revokeState.ok ? t("revokedNow") : t("revokedFinal")}</Alert>;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {status === "ACTIVE" ? (
        <Panel id="panel-suspend" title={t("suspendTitle")} description={t("suspendBody")}>
          <form action={suspend} className="space-y-3" noValidate>
            {hidden}
            <Result state={reinstateState} success={t("reinstated")} />
            <ActionError state={suspendState} />
            <Field id="suspend-reason" name="reason" label={t("reason")} required maxLength={500} defaultValue={suspendState.values?.reason ?? ""} errors={suspendState.fields?.reason} />
            <Button type="submit" variant="secondary" disabled={suspending}>{t("suspend")}</Button>
          </form>
        </Panel>
      ) : (
        <Panel id="panel-reinstate" title={t("reinstateTitle")} description={t("reinstateBody")}>
          <form action={reinstate} className="space-y-3">
            {hidden}
            <Result state={suspendState} success={t("suspended")} />
            <ActionError state={reinstateState} />
            <Button type="submit" disabled={reinstating}>{t("reinstate")}</Button>
          </form>
        </Panel>
      )}

      <Panel id="panel-extend" title={t("extendTitle")} description={t("extendBody")}>
        <form action={extend} className="space-y-3" noValidate>
          {hidden}
          <Result state={extendState} success={t("extended")} />
          <Field id="extend-days" name="days" label={t("days")} type="number" inputMode="numeric" min={1} max={36500} required defaultValue={extendState.ok ? "" : (extendState.values?.days ?? "30")} errors={extendState.fields?.days} />
          <Button type="submit" variant="secondary" disabled={extending}>{t("extend")}</Button>
        </form>
      </Panel>

      <Panel id="panel-reset" title={t("resetTitle")} description={t("resetBody", { count: activeActivations })}>
        <form action={reset} className="space-y-3">
          {hidden}
          <Result state={resetState} success={t("resetDone")} />
          {confirmReset ? (
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={resetting}>{t("resetConfirm", { count: activeActivations })}</Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmResetFor(null)}>{t("cancel")}</Button>
            </div>
          ) : (
            <Button type="button" variant="secondary" disabled={activeActivations === 0} onClick={() => setConfirmResetFor(resetState)}>{t("reset")}</Button>
          )}
        </form>
      </Panel>

      <Panel id="panel-revoke" title={t("revokeTitle")} description={t("revokeBody")} tone="danger">
        <form action={revoke} className="space-y-3" noValidate>
          {hidden}
          <ActionError state={revokeState} />
          <Field id="revoke-reason" name="reason" label={t("reason")} required maxLength={500} defaultValue={revokeState.values?.reason ?? ""} errors={revokeState.fields?.reason} />
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="confirm" value="yes" required className="mt-0.5 h-4 w-4 rounded border-slate-300 text-red-600" aria-invalid={revokeState.fields?.confirm ? true : undefined} />
            <span>{t("revokeConfirm")}</span>
          </label>
          {revokeState.fields?.confirm ? <p className="text-xs text-red-600">{t("revokeConfirmRequired")}</p> : null}
          <Button type="submit" variant="danger" disabled={revoking}>{t("revoke")}</Button>
        </form>
      </Panel>
    </div>
  );
}
