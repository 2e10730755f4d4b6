import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { decisionMessage } from "@/lib/licensing/decision-messages";
import type { Decision } from "@/lib/licensing/decision";
import { signReusableReceipt } from "@/lib/licensing/receipts";
import { JsonBody, type ApiRequest, type ApiResult } from "../endpoint";

// A decision that validateLicense hands out again (the same frozen object) gets the same answer
// in the same language for as long as its receipt may be reused: serialized once, sent as is.
type Answer = { body: JsonBody; until: number };
const answers = new WeakMap<Decision, Map<string, Answer>>();

/** A licensing decision: always 200, with the localized message and a signed receipt. */
export async function respondDecision(req: ApiRequest, decision: Decision, headers: Record<string, string>, extra: Record<string, unknown> = {}, nonce?: string): Promise<ApiResult> {
  const locale = localeFromAcceptLanguage(req.header("accept-language"));
  const reusable = nonce === undefined && Object.keys(extra).length === 0 && Object.isFrozen(decision);
  const now = Date.now();
  if (reusable) {
    const known = answers.get(decision)?.get(locale);
    if (known && now < known.until) return { status: 200, body: known.body, headers };
  }
  const message = decisionMessage(decision.code, locale);
  const receipt = await signReusableReceipt(decision, nonce, now);
  const body = new JsonBody({ ...decision, message, ...extra, receipt: receipt.token });
  if (reusable && receipt.reusableUntil > now) {
    let byLocale = answers.get(decision);
    if (!byLocale) answers.set(decision, (byLocale = new Map()));
    byLocale.set(locale, { body, until: receipt.reusableUntil });
  }
  return { status: 200, body, headers };
}
