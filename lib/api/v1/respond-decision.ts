import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { decisionMessage } from "@/lib/licensing/decision-messages";
import type { Decision } from "@/lib/licensing/decision";
import { signReceipt } from "@/lib/licensing/receipts";
import type { ApiRequest, ApiResult } from "../endpoint";

/** A licensing decision: always 200, with the localized message and a signed receipt. */
export async function respondDecision(req: ApiRequest, decision: Decision, headers: Record<string, string>, extra: Record<string, unknown> = {}, nonce?: string): Promise<ApiResult> {
  const message = decisionMessage(decision.code, localeFromAcceptLanguage(req.header("accept-language")));
  const receipt = await signReceipt(decision, nonce);
  return { status: 200, body: { ...decision, message, ...extra, receipt }, headers };
}
