import { getTranslations } from "next-intl/server";
import type { ApiField } from "@/lib/api/v1/api-reference";
import { EnglishText } from "./english-text";

/**
 * Parameters or body fields of an operation: name, whether required, type, description and
 * limits. A table from the small breakpoint up; stacked rows on phones.
 */
export async function FieldTable({ title, fields, note }: { title: string; fields: ApiField[]; note?: string }) {
  const t = await getTranslations("ApiDocs");
  return (
    <section className="mt-5">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      {note ? <p className="mt-0.5 text-xs text-slate-500">{note}</p> : null}
      <div className="mt-2 overflow-hidden rounded-xl ring-1 ring-slate-200">
        <table className="block w-full text-sm sm:table sm:table-fixed">
          <colgroup>
            <col className="sm:w-40" />
            <col className="sm:w-44" />
            <col />
          </colgroup>
          <thead className="hidden bg-slate-50 text-xs text-slate-600 sm:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("name")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("type")}</th>
              <th scope="col" className="px-3 py-2 text-start font-semibold">{t("description")}</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 bg-white sm:table-row-group">
            {fields.map((f) => (
              <tr key={f.name} className="block px-3 py-2 align-top sm:table-row sm:p-0">
                <td className="inline sm:table-cell sm:px-3 sm:py-2">
                  <code dir="ltr" className="break-all font-mono text-[13px] font-semibold text-slate-900">{f.name}</code>
                  <div className={`text-xs max-sm:ms-2 max-sm:inline ${f.required ? "font-medium text-amber-700" : "text-slate-500"} sm:mt-0.5`}>{f.required ? t("required") : t("optional")}</div>
                </td>
                <td className="block sm:table-cell sm:px-3 sm:py-2">
                  <code dir="ltr" className="break-words font-mono text-[13px] text-slate-700">{f.type}</code>
                </td>
                <td className="block text-slate-700 sm:table-cell sm:px-3 sm:py-2">
                  {f.description ? <p><EnglishText text={f.description} /></p> : null}
                  {f.constraints.length ? <p className="text-xs text-slate-500"><span dir="ltr">{f.constraints.join(" · ")}</span></p> : null}
                  {!f.description && !f.constraints.length ? <span className="hidden text-slate-400 sm:inline">—</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
