import { getTranslations } from "next-intl/server";
import type { ApiGroup } from "@/lib/api/v1/api-reference";
import { buttonClass } from "@/components/ui/button";
import { DecisionCodes } from "./decision-codes";
import { MethodBadge } from "./method-badge";
import { OperationCard } from "./operation-card";

const OPENAPI_PATH = "/api/v1/openapi.json";
const TAGS = {
  Licensing: ["tagLicensing", "tagLicensingBody"],
  Keys: ["tagKeys", "tagKeysBody"],
  Management: ["tagManagement", "tagManagementBody"],
} as const;

const tagId = (tag: string) => `tag-${tag.toLowerCase()}`;

/** A path that may wrap after its slashes (never inside a segment). */
const pathWithBreaks = (path: string) => path.split("/").flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, `/${part}`]));

function tagText(tag: string, t: (key: string) => string) {
  const keys = TAGS[tag as keyof typeof TAGS];
  return keys ? { title: t(keys[0]), body: t(keys[1]) } : { title: tag, body: null };
}

/** The rendered API reference: overview, operations by tag, decision codes, and a contents list. */
export async function ApiReferenceView({ groups, version, baseUrl }: { groups: ApiGroup[]; version: string; baseUrl: string }) {
  const t = await getTranslations("ApiDocs");
  const overview = [
    ["authTitle", "authBody"],
    ["errorsTitle", "errorsBody"],
    ["limitsTitle", "limitsBody"],
    ["receiptsTitle", "receiptsBody"],
  ] as const;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <header className="border-b border-slate-200 pb-8">
        <p className="text-sm font-semibold text-brand-700">{t("version", { version })}</p>
        <h1 className="mt-1 text-3xl font-extrabold tracking-tight text-slate-900 sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-600">{t("intro")}</p>
        <div className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3">
          <a href={OPENAPI_PATH} download="keyfront-openapi.json" className={buttonClass("primary")}>
            <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-4 w-4">
              <path d="M10 3v10m0 0-4-4m4 4 4-4M4 15v1.5A1.5 1.5 0 0 0 5.5 18h9a1.5 1.5 0 0 0 1.5-1.5V15" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t("downloadOpenApi")}
          </a>
          <p className="text-sm text-slate-600">
            {t("openApiHint")} <a href={OPENAPI_PATH} dir="ltr" className="font-mono text-brand-700 hover:underline">{OPENAPI_PATH}</a>
          </p>
        </div>
        <p className="mt-4 text-sm text-slate-600">
          {t("baseUrl")}: <code dir="ltr" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{baseUrl}</code>
        </p>
      </header>

      <div className="mt-8 grid gap-10 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside className="hidden lg:block">
          <nav aria-label={t("onThisPage")} className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto pe-2 text-sm">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("onThisPage")}</p>
            <ul className="space-y-4">
              <li><a href="#overview" className="font-medium text-slate-700 hover:text-slate-950">{t("overview")}</a></li>
              {groups.map((g) => (
                <li key={g.tag}>
                  <a href={`#${tagId(g.tag)}`} className="font-medium text-slate-700 hover:text-slate-950">{tagText(g.tag, t).title}</a>
                  <ul className="mt-1.5 space-y-1">
                    {g.operations.map((op) => (
                      <li key={op.id}>
                        <a href={`#${op.id}`} className="flex items-start gap-2 rounded px-1 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                          <MethodBadge method={op.method} small />
                          <span dir="ltr" className="min-w-0 font-mono text-xs">{pathWithBreaks(op.path.replace("/api/v1", ""))}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
              <li><a href="#decision-codes" className="font-medium text-slate-700 hover:text-slate-950">{t("decisionCodesTitle")}</a></li>
            </ul>
          </nav>
        </aside>

        <div className="min-w-0 space-y-14">
          <section id="overview" aria-label={t("overview")} className="grid scroll-mt-20 gap-4 sm:grid-cols-2">
            {overview.map(([title, body]) => (
              <div key={title} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h2 className="font-semibold text-slate-900">{t(title)}</h2>
                <p className="mt-1 text-sm text-slate-600">{t(body)}</p>
              </div>
            ))}
          </section>

          {groups.map((g) => {
            const text = tagText(g.tag, t);
            return (
              <section key={g.tag} id={tagId(g.tag)} aria-labelledby={`${tagId(g.tag)}-title`} className="scroll-mt-20">
                <h2 id={`${tagId(g.tag)}-title`} className="text-2xl font-bold tracking-tight text-slate-900">{text.title}</h2>
                {text.body ? <p className="mt-1 text-slate-600">{text.body}</p> : null}
                <div className="mt-5 space-y-6">
                  {g.operations.map((op) => <OperationCard key={op.id} op={op} />)}
                </div>
              </section>
            );
          })}

          <DecisionCodes />
        </div>
      </div>
    </div>
  );
}
