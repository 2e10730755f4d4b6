import { getTranslations } from "next-intl/server";
import { getDecisionCodeReference } from "@/lib/api/v1/api-reference";
import { Badge } from "@/components/ui/card";
import { EnglishText } from "./english-text";

function CodeRow({ code, detail, valid, mayRun }: { code: string; detail: string; valid: boolean; mayRun: string }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <code dir="ltr" className="font-mono text-[13px] font-semibold text-slate-900">{code}</code>
      {valid ? <Badge tone="green">{mayRun}</Badge> : null}
      <span className="text-sm text-slate-600"><EnglishText text={detail} /></span>
    </li>
  );
}

/** The decision codes: the validation's evaluation order, then the answers of the other calls. */
export async function DecisionCodes() {
  const t = await getTranslations("ApiDocs");
  const { steps, operationCodes } = getDecisionCodeReference();
  return (
    <section id="decision-codes" aria-labelledby="decision-codes-title" className="scroll-mt-20">
      <h2 id="decision-codes-title" className="text-2xl font-bold tracking-tight text-slate-900">{t("decisionCodesTitle")}</h2>
      <p className="mt-2 max-w-3xl text-slate-600">{t("decisionCodesIntro")}</p>

      <div className="mt-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h3 className="font-semibold text-slate-900">{t("evaluationOrder")}</h3>
        <p className="mt-1 text-sm text-slate-600">{t("evaluationOrderIntro")}</p>
        <ol className="mt-4 space-y-3">
          {steps.map((s) => (
            <li key={s.step} className="flex gap-4">
              <span aria-label={`${t("step")} ${s.step}`} className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">{s.step}</span>
              <div className="min-w-0 flex-1 pt-0.5">
                {s.scopeOnly ? <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{t("scopeOnly")}</p> : null}
                <ul className="space-y-1">
                  {s.codes.map((c) => <CodeRow key={c.code} {...c} mayRun={t("mayRun")} />)}
                </ul>
              </div>
            </li>
          ))}
        </ol>
      </div>

      <div className="mt-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h3 className="font-semibold text-slate-900">{t("operationCodes")}</h3>
        <ul className="mt-4 space-y-1">
          {operationCodes.map((c) => <CodeRow key={c.code} {...c} mayRun={t("mayRun")} />)}
        </ul>
      </div>
    </section>
  );
}
