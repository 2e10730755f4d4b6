import type { ActionState } from "@/lib/http/action-state";
import type { DecisionCode } from "@/lib/licensing/codes";

/** A key operation's result: the plaintext key travels only in this one response. */
export type KeyActionState = ActionState & { key?: string; op?: "reveal" | "rotate" };

/** An activation release's result: the licensing decision (DEACTIVATED, COOLDOWN_ACTIVE, …). */
export type ReleaseActionState = ActionState & { decision?: DecisionCode };

export type FormAction<S> = (prev: S, form: FormData) => Promise<S>;
