import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { isSandboxAllowed } from "@/lib/payments/sandbox/client";
import { getSandboxPaymentView } from "@/lib/payments/sandbox/finish-sandbox-payment";
import { buttonClass } from "@/components/ui/button";
import { finishSandboxPaymentAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function SandboxPayPage({ params }: { params: Promise<{ id: string }> }) {
  if (!isSandboxAllowed()) notFound();
  const { id } = await params;
  const payment = await getSandboxPaymentView(decodeURIComponent(id));
  if (!payment) notFound();
  const locale = await getLocale();
  const t = await getTranslations("SandboxPay");
  const amount = formatMoney(payment.amountMinor, payment.currency, locale);

  return (
    <section className="mx-auto max-w-lg px-4 py-14">
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="sandbox-pay">
        <p className="mb-4 inline-flex rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">{t("badge")}</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
        <dl className="mt-6 rounded-xl bg-slate-50 p-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("amount")}</dt>
          <dd className="mt-1 text-3xl font-extrabold text-slate-900" data-testid="sandbox-amount">{amount}</dd>
          <dd className="mt-1 text-sm text-slate-600">{payment.description}</dd>
        </dl>
        {payment.pending ? (
          <form action={finishSandboxPaymentAction} className="mt-6 flex flex-col gap-3">
            <input type="hidden" name="paymentId" value={payment.id} />
            <button type="submit" name="choice" value="pay" className={buttonClass("primary", "w-full py-3 text-base")}>{t("pay", { amount })}</button>
            <button type="submit" name="choice" value="fail" className={buttonClass("danger", "w-full")}>{t("fail")}</button>
            <button type="submit" name="choice" value="cancel" className={buttonClass("ghost", "w-full")}>{t("cancel")}</button>
          </form>
        ) : (
          <div className="mt-6 space-y-4">
            <p className="text-sm text-slate-700">{t("done")}</p>
            <a href={payment.returnUrl} className={buttonClass("secondary")}>{t("back")}</a>
          </div>
        )}
      </div>
    </section>
  );
}
