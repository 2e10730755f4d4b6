"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SecretValue } from "@/components/ui/copy-button";
import type { FormAction, KeyActionState } from "./action-states";
import { ActionError } from "./action-error";

type Props = {
  licenseId: string;
  keyHint: string;
  reveal?: FormAction<KeyActionState>;
  rotate?: FormAction<KeyActionState>;
  /** a revoked license keeps its key but cannot get a new one */
  canRotate: boolean;
  /** the owner is told how to use the key; staff that every key operation is audited */
  audience?: "owner" | "staff";
};

const initial: KeyActionState = { ok: false };

/** The key card: hint, reveal with copy, and rotation behind a confirmation step. */
export function LicenseKeyPanel({ licenseId, keyHint, reveal, rotate, canRotate, audience = "owner" }: Props) {
  const t = useTranslations("LicenseDetail");
  const [state, dispatch, pending] = useActionState<KeyActionState, FormData>(async (prev, form) => {
    const op = form.get("op") === "rotate" ? "rotate" : "reveal";
    const run = op === "rotate" ? rotate : reveal;
    if (!run) return prev;
    return { ...(await run(prev, form)), op };
  }, initial);
  const [hiddenFor, setHiddenFor] = useState<KeyActionState | null>(null);
  const [confirmingFor, setConfirmingFor] = useState<KeyActionState | null>(null);
  const shown = state.ok && state.key && hiddenFor !== state ? state.key : null;
  const confirming = confirmingFor === state;
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const copyLabels = { copy: t("copy"), copied: t("copied"), failed: t("copyFailed") };

  return (
    <section aria-labelledby="license-key-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="license-key-title" className="text-lg font-semibold text-slate-900">{t("keyTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{audience === "staff" ? t("keyIntroStaff") : t("keyIntro")}</p>
        </div>
      </div>

      <div className="mt-4 space-y-3">
        {state.ok && state.op === "rotate" ? <Alert tone="green" role="status">{t("rotated")}</Alert> : null}
        <ActionError state={state} />
        {shown ? (
          <SecretValue value={shown} labels={copyLabels} testId="license-key" />
        ) : (
          <code dir="ltr" data-testid="license-key-hint" className="inline-block rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm tracking-wide text-slate-700">{keyHint}</code>
        )}
      </div>

      <div className="mt-4 flex flex-wrap gap-2">
        {reveal ? (
          shown ? (
            <Button type="button" variant="secondary" onClick={() => setHiddenFor(state)}>{t("hideKey")}</Button>
          ) : (
            <form action={dispatch}>
              <input type="hidden" name="licenseId" value={licenseId} />
              <input type="hidden" name="op" value="reveal" />
              <Button type="submit" variant="secondary" disabled={pending}>{t("revealKey")}</Button>
            </form>
          )
        ) : null}
        {rotate && canRotate && !confirming ? (
          <Button type="button" variant="ghost" onClick={() => setConfirmingFor(state)}>
            {t("rotateKey")}
          </Button>
        ) : null}
      </div>

      {rotate && canRotate && confirming ? (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="rotate-confirm-title" className="mt-4 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
          <h3 id="rotate-confirm-title" className="font-semibold text-amber-900">{t("rotateConfirmTitle")}</h3>
          <p className="mt-1 text-sm text-amber-900">{t("rotateConfirmBody")}</p>
          <form action={dispatch} className="mt-3 flex flex-wrap gap-2">
            <input type="hidden" name="licenseId" value={licenseId} />
            <input type="hidden" name="op" value="rotate" />
            <Button type="submit" variant="danger" disabled={pending}>{t("rotateConfirm")}</Button>
            <Button type="button" variant="secondary" onClick={() => setConfirmingFor(null)} disabled={pending}>{t("cancel")}</Button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
