import { getTranslations } from "next-intl/server";
import type { ApiOperation } from "@/lib/api/v1/api-reference";
import { Badge } from "@/components/ui/card";
import { CodeBlock } from "./code-block";
import { EnglishText } from "./english-text";
import { FieldTable } from "./field-table";
import { MethodBadge } from "./method-badge";

const statusTone = (status: string) => (status.startsWith("2") ? "text-emerald-700 bg-emerald-50" : status === "429" ? "text-amber-800 bg-amber-50" : "text-red-700 bg-red-50");

/** One operation: method, path, auth, parameters, body fields, responses and a curl example. */
export async function OperationCard({ op }: { op: ApiOperation }) {
  const t = await getTranslations("ApiDocs");
  return (
    <article id={op.id} className="scroll-mt-20 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <MethodBadge method={op.method} />
        <h3 className="min-w-0 break-all font-mono text-[15px] font-semibold text-slate-900">
          <a href={`#${op.id}`} dir="ltr" className="hover:underline">{op.path}</a>
        </h3>
        <span className="ms-auto">
          {op.apiKey ? <Badge tone="amber">{t("requiresApiKey")}</Badge> : <Badge tone="slate">{t("noApiKey")}</Badge>}
        </span>
      </header>
      <p className="mt-2 text-slate-700"><EnglishText text={op.summary} /></p>

      {op.pathParams.length ? <FieldTable title={t("pathParameters")} fields={op.pathParams} /> : null}
      {op.queryParams.length ? <FieldTable title={t("queryParameters")} fields={op.queryParams} /> : null}
      {op.body ? <FieldTable title={t("requestBody")} fields={op.body} note={op.bodyTypes.length > 1 ? t("bodyFormats") : undefined} /> : null}

      <section className="mt-5">
        <h4 className="text-sm font-semibold text-slate-900">{t("responses")}</h4>
        <dl className="mt-2 grid gap-1.5 text-sm sm:grid-cols-2">
          {op.responses.map((r) => (
            <div key={r.status} className="flex items-baseline gap-2">
              <dt className={`shrink-0 rounded px-1.5 font-mono text-xs font-semibold ${statusTone(r.status)}`}>{r.status}</dt>
              <dd className="text-slate-600"><EnglishText text={r.description} /></dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="mt-5">
        <CodeBlock code={op.curl} label={`${t("example")} · curl`} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
      </div>
    </article>
  );
}
