"use server";

import { redirect } from "next/navigation";
import { formToObject } from "@/lib/http/parse-input";
import { finishSandboxPayment } from "@/lib/payments/sandbox/finish-sandbox-payment";

// The sandbox is a stand-in for a provider's hosted page: whoever holds the payment link may pay
// it, as on a real provider. The order is paid by the signed webhook this sends, never here.
export async function finishSandboxPaymentAction(form: FormData): Promise<void> {
  const { paymentId, choice } = formToObject(form);
  const { redirectUrl } = await finishSandboxPayment({ paymentId: paymentId ?? "", choice: choice as "pay" });
  redirect(redirectUrl);
}
