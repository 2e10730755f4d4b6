"use client";

import { createContext, use, useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import { Button, type ButtonVariant } from "@/components/ui/button";

export type CatalogAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

type FormContext = { state: ActionState; idPrefix: string; errorNamespace?: string };
const Context = createContext<FormContext>({ state: { ok: false }, idPrefix: "catalog" });

/** The state of the enclosing catalog form: field errors and the values to show again after a failure. */
export function useCatalogForm() {
  const { state, idPrefix, errorNamespace } = use(Context);
  return {
    idPrefix,
    errorNamespace,
    errors: (name: string) => (state.ok ? undefined : state.fields?.[name]),
    value: (name: string, fallback: string) => (!state.ok && state.values && name in state.values ? state.values[name]! : fallback),
  };
}

const initialState: ActionState = { ok: false };

type Props = {
  action: CatalogAction;
  id: string;
  submitLabel: string;
  hidden?: Record<string, string>;
  readOnly?: boolean;
  variant?: ButtonVariant;
  /** the submit button sits beside one row of labelled fields */
  inline?: boolean;
  className?: string;
  /** a message namespace looked up first for field errors (e.g. "AdminPromo.errors") */
  errorNamespace?: string;
  children?: ReactNode;
};

/** A catalog form: posts to a server action, shows field errors beside the fields and a saved notice. */
export function CatalogForm({ action, id, submitLabel, hidden = {}, readOnly = false, variant = "primary", inline = false, className = "", errorNamespace, children }: Props) {
  const t = useTranslations("AdminCatalog");
  const errors = useTranslations("Errors");
  const [state, formAction, pending] = useActionState(action, initialState);
  const message = state.ok ? t("saved") : state.code ? (errors.has(state.code as never) ? errors(state.code as never) : errors("INTERNAL")) : null;
  const custom = useTranslations((errorNamespace ?? "AdminCatalog.errors") as "AdminCatalog.errors");
  const formError = state.ok ? undefined : state.fields?._form?.map((e) => (custom.has(e as never) ? custom(e as never) : e)).join(" ");
  return (
    <Context value={{ state, idPrefix: id, errorNamespace }}>
      <form action={formAction} noValidate className={className} aria-labelledby={undefined} data-testid={id}>
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <fieldset disabled={readOnly || pending} className="contents">
          {children}
          {readOnly ? null : (
            <div className={`flex flex-wrap items-center gap-3 ${inline ? "sm:mt-6" : ""}`}>
              <Button type="submit" variant={variant} disabled={pending}>{submitLabel}</Button>
              {message ? <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>{formError ?? message}</p> : null}
            </div>
          )}
        </fieldset>
      </form>
    </Context>
  );
}
