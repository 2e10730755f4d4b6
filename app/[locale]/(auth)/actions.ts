"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { authenticate } from "@/lib/auth/authenticate";
import { signIn, signOut } from "@/lib/auth/config";
import { createSignInTicket } from "@/lib/auth/sign-in-ticket";
import { signUp } from "@/lib/auth/sign-up";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { resendVerification, verifyEmail } from "@/lib/auth/verify-email";
import { echoValues, runAction, type ActionState } from "@/lib/http/action-state";
import { formToObject } from "@/lib/http/parse-input";
import { getRequestContext } from "@/lib/http/request-context";
import { safeNextPath } from "@/lib/http/safe-next-path";

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { ip, requestId } = await getRequestContext();
  const locale = await getLocale();
  const state = await runAction(() => signUp({ ...input, locale }, ip), { values: echoValues(input, ["name", "email"]), requestId });
  if (state.ok) redirect(`/${locale}/check-email?email=${encodeURIComponent(String(input.email ?? "").trim().toLowerCase())}`);
  return state;
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { ip, requestId } = await getRequestContext();
  const locale = await getLocale();
  let ticket = "";
  const state = await runAction(async () => {
    const user = await authenticate(input, ip);
    ticket = createSignInTicket(user.id, user.tokenVersion);
  }, { values: echoValues(input, ["email"]), requestId });
  if (!state.ok) return state;
  // Throws Next's redirect on success, with the session cookie set.
  await signIn("credentials", { ticket, redirectTo: safeNextPath(input.next, `/${locale}/account`) });
  return state;
}

export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}` });
}

export async function forgotPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { ip, requestId } = await getRequestContext();
  const locale = await getLocale();
  return runAction(() => requestPasswordReset({ ...input, locale }, ip), { values: echoValues(input, ["email"]), requestId });
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(() => resetPassword(input), { requestId });
}

export async function verifyEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { requestId } = await getRequestContext();
  return runAction(async () => {
    const ok = await verifyEmail(String(form.get("token") ?? ""));
    return ok ? { ok: true } : { ok: false, code: "VALIDATION_FAILED", fields: { token: ["invalidToken"] } };
  }, { requestId });
}

export async function resendVerificationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  const { requestId } = await getRequestContext();
  return runAction(() => resendVerification(input), { values: echoValues(input, ["email"]), requestId });
}
