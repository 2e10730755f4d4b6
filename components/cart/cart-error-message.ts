import type { ActionState } from "@/lib/http/action-state";

type Translator = { (key: string): string; has(key: string): boolean };

/** The translated message for a cart action's error: the first field reason, else a generic one. */
export function cartErrorMessage(t: unknown, state: ActionState): string | null {
  const tr = t as Translator;
  if (state.ok || !state.code) return null;
  if (state.code === "UNAUTHENTICATED") return tr("errors.signIn");
  const reason = Object.values(state.fields ?? {}).flat()[0];
  if (reason && tr.has(`errors.${reason}`)) return tr(`errors.${reason}`);
  return tr("errors.generic");
}

/** The translated reason a promo code was refused. */
export function promoErrorMessage(t: unknown, reason: string | null | undefined): string | null {
  const tr = t as Translator;
  if (!reason) return null;
  return tr.has(`promoErrors.${reason}`) ? tr(`promoErrors.${reason}`) : tr("promoErrors.generic");
}
