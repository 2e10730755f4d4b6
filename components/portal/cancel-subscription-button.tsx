"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action-state";
import { Button } from "@/components/ui/button";

const initial: ActionState = { ok: false };

/** Stops renewal of one subscription; the outcome stays visible after the list refreshes. */
export function CancelSubscriptionButton({ action, subscriptionId, cancellable }: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  subscriptionId: string;
  cancellable: boolean;
}) {
  const t = useTranslations("Subscriptions");
  const [state, dispatch, pending] = useActionState(action, initial);
  return (
    <div className="flex flex-col items-start gap-1">
      {cancellable && !state.ok ? (
        <form action={dispatch}>
          <input type="hidden" name="subscriptionId" value={subscriptionId} />
          <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1 text-xs">{pending ? t("cancelPending") : t("cancel")}</Button>
        </form>
      ) : null}
      {state.ok ? <p role="status" className="text-xs text-emerald-700">{t("cancelDone")}</p> : null}
      {!state.ok && state.code ? <p role="alert" className="text-xs text-red-700">{t("cancelFailed")}</p> : null}
    </div>
  );
}
