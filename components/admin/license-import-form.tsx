"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/licensing/import/import-record";
import type { ImportTarget } from "@/lib/licensing/import/import-targets";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { ActionError } from "@/components/licensing/action-error";
import { LicenseImportReport } from "./license-import-report";
import type { ImportActionState, ImportRequest } from "./license-import-types";

// Platform names are brands, the same in every language; the kind of file is translated.
const FORMAT_BRAND: Record<ImportFormat, string> = {
  "edd-csv": "Easy Digital Downloads", "lemonsqueezy-csv": "Lemon Squeezy", "lemonsqueezy-json": "Lemon Squeezy", "keygen-json": "Keygen",
};
const FORMAT_KIND: Record<ImportFormat, "csvFile" | "jsonFile"> = {
  "edd-csv": "csvFile", "lemonsqueezy-csv": "csvFile", "lemonsqueezy-json": "jsonFile", "keygen-json": "jsonFile",
};
const control = "rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

type Props = { action: (request: ImportRequest) => Promise<ImportActionState>; targets: ImportTarget[]; maxBytes: number; maxRows: number };

/** Upload → check (dry run) → map products → check again → import. Nothing is written before the last step. */
export function LicenseImportForm({ action, targets, maxBytes, maxRows }: Props) {
  const t = useTranslations("LicenseImport");
  const [format, setFormat] = useState<ImportFormat>("edd-csv");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [strict, setStrict] = useState(true);
  const [state, setState] = useState<ImportActionState>({ ok: false });
  /** the dry run shown still describes the current choices */
  const [fresh, setFresh] = useState(false);
  const [pending, startTransition] = useTransition();

  const changed = () => setFresh(false);
  const request = (dryRun: boolean): ImportRequest => ({
    format, file: file?.text ?? "", dryRun, strict,
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v).map(([k, v]) => {
      const [productId, planId] = v.split("|");
      return [k, { productId: productId!, planId: planId! }];
    })),
  });
  const run = (dryRun: boolean) => startTransition(async () => {
    const next = await action(request(dryRun));
    setState(next);
    setFresh(dryRun && next.ok);
  });

  const report = state.report;
  const canImport = fresh && report?.dryRun && !report.blocked && report.created > 0;
  return (
    <div className="space-y-8">
      <form className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" onSubmit={(e) => { e.preventDefault(); run(true); }}>
        <div className="flex flex-wrap gap-4">
          <div>
            <label htmlFor="import-format" className="mb-1 block text-sm font-medium text-slate-800">{t("formatLabel")}</label>
            <select id="import-format" name="format" value={format} className={`${control} pe-8`} onChange={(e) => { setFormat(e.target.value as ImportFormat); changed(); }}>
              {IMPORT_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_BRAND[f]} · {t(FORMAT_KIND[f])}</option>)}
            </select>
          </div>
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-slate-800">{t("fileLabel")}</label>
            <input
              id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="import-file-hint"
              className="block w-full text-sm text-slate-700 file:me-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                changed();
                setState({ ok: false });
                setTooLarge(Boolean(chosen && chosen.size > maxBytes));
                setFile(chosen && chosen.size <= maxBytes ? { name: chosen.name, text: await chosen.text() } : null);
              }}
            />
            <p id="import-file-hint" className="mt-1 text-xs text-slate-500">{t("fileHint", { mb: Math.floor(maxBytes / 1024 / 1024), rows: maxRows })}</p>
          </div>
        </div>
        {tooLarge ? <Alert>{t("fileTooLarge")}</Alert> : null}
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="strict" checked={strict} onChange={(e) => { setStrict(e.target.checked); changed(); }} className="rounded border-slate-300" />
          {t("strict")}
        </label>
        <Button type="submit" variant="secondary" disabled={!file || pending}>{report ? t("checkAgain") : t("check")}</Button>
      </form>

      {report?.sourceProducts.length ? (
        <section aria-labelledby="import-mapping" className="space-y-3">
          <div>
            <h2 id="import-mapping" className="text-lg font-semibold text-slate-900">{t("mappingTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("mappingIntro")}</p>
          </div>
          <Table head={[t("sourceProduct"), t("statRows"), t("targetPlan")]} caption={t("mappingTitle")}>
            {report.sourceProducts.map((p) => (
              <tr key={p.key}>
                <Td>
                  <span className="font-medium">{p.name ?? p.id}</span>
                  <code dir="ltr" className="block text-xs text-slate-500">{p.key}</code>
                </Td>
                <Td className="tabular-nums">{p.rows}</Td>
                <Td>
                  <select
                    aria-label={`${t("targetPlan")}: ${p.name ?? p.id}`} value={mapping[p.key] ?? ""} className={`${control} pe-8`}
                    onChange={(e) => { setMapping({ ...mapping, [p.key]: e.target.value }); changed(); }}
                  >
                    <option value="">{t("choosePlan")}</option>
                    {targets.map((product) => (
                      <optgroup key={product.id} label={product.name}>
                        {product.plans.map((plan) => <option key={plan.id} value={`${product.id}|${plan.id}`}>{product.name} · {plan.name}</option>)}
                      </optgroup>
                    ))}
                  </select>
                </Td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}

      {state.code === "PAYLOAD_TOO_LARGE" || state.fields?.file ? <Alert>{t("fileTooLarge")}</Alert> : <ActionError state={state} />}
      {report ? (
        <section aria-labelledby="import-result" className="space-y-4">
          <h2 id="import-result" className="text-lg font-semibold text-slate-900">{report.dryRun ? t("previewHeading") : t("title")}</h2>
          {report.dryRun && report.blocked ? <Alert tone="amber" role="status">{t("blocked")}</Alert> : null}
          {report.dryRun && !fresh ? <Alert tone="amber" role="status">{t("stale")}</Alert> : null}
          {!report.dryRun ? <Alert tone="green" role="status">{report.created > 0 ? t("done") : t("nothingNew")}</Alert> : null}
          <LicenseImportReport report={report} />
          {report.dryRun ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" disabled={!canImport || pending} onClick={() => run(false)} data-testid="confirm-import">{t("confirm")}</Button>
              {file ? <span className="text-sm text-slate-500">{file.name}</span> : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
