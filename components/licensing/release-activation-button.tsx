"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FormAction, ReleaseActionState } from "./action-states";
import { ActionError } from "./action-error";

const initial: ReleaseActionState = { ok: false };
const REFUSALS = new Set(["REASSIGNMENT_LIMIT_REACHED", "COOLDOWN_ACTIVE", "NOT_ACTIVATED", "NOT_FOUND"]);

/**
 * The per-row release button. It stays mounted after its row stops being active, so the outcome
 * (the licensing decision, in the customer's language) remains visible once the table refreshes.
 */
export function ReleaseActivationButton({ action, licenseId, activationId, active, label, describedBy }: {
  action: FormAction<ReleaseActionState>;
  licenseId: string;
  activationId: string;
  active: boolean;
  label: string;
  describedBy?: string;
}) {
  const codes = useTranslations("Licensing.codes");
  const [state, dispatch, pending] = useActionState(action, initial);
  const refused = state.decision && REFUSALS.has(state.decision);
  return (
    <div className="flex min-w-[7rem] max-w-[14rem] flex-col items-start gap-1">
      {active ? (
        <form action={dispatch}>
          <input type="hidden" name="licenseId" value={licenseId} />
          <input type="hidden" name="activationId" value={activationId} />
          <Button type="submit" variant="secondary" disabled={pending} aria-describedby={describedBy} className="px-3 py-1 text-xs">{label}</Button>
        </form>
      ) : null}
      {state.decision ? (
        <p role="status" className={`text-xs ${refused ? "text-amber-800" : "text-emerald-700"}`}>{codes(state.decision)}</p>
      ) : (
        <ActionError state={state} inline />
      )}
    </div>
  );
}
