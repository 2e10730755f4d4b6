"use client";

import { useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/licensing/import/import-licenses";
import { Badge } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

const OUTCOME = { new: ["green", "outcomeNew"], alreadyImported: ["slate", "statAlready"], error: ["red", "outcomeError"] } as const;

/** Counts, every row error and a preview of the rows of a dry run or an import. */
export function LicenseImportReport({ report }: { report: ImportReport }) {
  const t = useTranslations("LicenseImport");
  const stats: [string, number][] = [
    [t("statRows"), report.rowCount],
    [t("statNew"), report.created],
    [t("statAlready"), report.alreadyImported],
    [t("statCustomers"), report.customersCreated],
    [t("statActivations"), report.activations],
    [t("statErrors"), new Set(report.errors.map((e) => e.row)).size],
  ];
  return (
    <div className="space-y-6" data-testid="import-report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length ? (
        <section aria-labelledby="import-errors">
          <h3 id="import-errors" className="mb-2 font-semibold text-red-800">{t("errorsTitle")}</h3>
          <Table head={[t("colRow"), t("colField"), t("colProblem")]} caption={t("errorsTitle")}>
            {report.errors.map((e, i) => (
              <tr key={i} data-testid="import-error">
                <Td className="tabular-nums">{e.row || "—"}</Td>
                <Td><code dir="ltr" className="text-xs">{e.field}</code></Td>
                <Td><span dir="ltr" className="break-words">{e.message}</span></Td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
      {report.rows.length ? (
        <section aria-labelledby="import-rows">
          <h3 id="import-rows" className="mb-2 font-semibold text-slate-900">{t("previewTitle")}</h3>
          <Table head={[t("colRow"), t("colKey"), t("colCustomer"), t("sourceProduct"), t("statActivations"), t("colOutcome")]} caption={t("previewTitle")}>
            {report.rows.map((r) => (
              <tr key={r.row} data-testid={`import-row-${r.row}`}>
                <Td className="tabular-nums">{r.row}</Td>
                <Td><code dir="ltr" className="text-xs">{r.keyHint}</code></Td>
                <Td><span className="break-words">{r.email ?? "—"}</span></Td>
                <Td>{r.sourceProduct}</Td>
                <Td className="tabular-nums">{r.activations}</Td>
                <Td><Badge tone={OUTCOME[r.outcome][0]}>{t(OUTCOME[r.outcome][1])}</Badge></Td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
    </div>
  );
}
