import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listExchangeRatesForAdmin } from "@/lib/catalog/exchange-rate-queries";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { ClientMessages } from "@/components/layout/client-messages";
import { CatalogBaseCurrencyForm, CatalogRateForm, CatalogRemoveRateButton } from "@/components/admin/catalog-rate-forms";
import { removeRateAction, setBaseCurrencyAction, setRateAction } from "./actions";

export default async function AdminExchangeRatesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/exchange-rates");
  const { base, rates } = await listExchangeRatesForAdmin(viewer);
  const t = await getTranslations("AdminCatalog");
  const format = await getFormatter();
  const canEdit = viewer.role === "ADMIN";
  return (
    <>
      <PageHeader title={t("exchangeRates")} description={t("exchangeRatesIntro")} />
      <ClientMessages namespaces={["AdminCatalog", "Validation", "Errors"]}>
        <div className="space-y-8">
          {canEdit ? (
            <Card><CatalogBaseCurrencyForm base={base} action={setBaseCurrencyAction} /></Card>
          ) : (
            <>
              <Alert tone="amber" role="status">{t("readOnly")}</Alert>
              <p className="text-sm text-slate-700">{t("baseCurrency")}: <strong dir="ltr">{base}</strong></p>
            </>
          )}
          {rates.length === 0 ? <EmptyState>{t("noRates")}</EmptyState> : (
            <Table head={[t("currency"), t("rate"), t("source"), t("updated"), ...(canEdit ? [t("actions")] : [])]} caption={t("exchangeRates")}>
              {rates.map((r) => (
                <tr key={r.quoteCurrency} data-testid={`rate-row-${r.quoteCurrency}`}>
                  <Td><span dir="ltr" className="font-semibold text-slate-900">{r.quoteCurrency}</span></Td>
                  <Td><span dir="ltr" className="whitespace-nowrap">{t("rateReads", { base, rate: r.rate, quote: r.quoteCurrency })}</span></Td>
                  <Td>{r.source === "FEED" ? t("sourceFEED") : t("sourceMANUAL")}</Td>
                  <Td className="whitespace-nowrap">
                    {format.dateTime(r.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                    {r.updatedBy ? <span className="block text-xs text-slate-500">{r.updatedBy}</span> : null}
                  </Td>
                  {canEdit ? (
                    <Td>
                      <div className="flex flex-wrap items-start gap-3">
                        <CatalogRateForm base={base} action={setRateAction} quoteCurrency={r.quoteCurrency} rate={r.rate} />
                        <CatalogRemoveRateButton quoteCurrency={r.quoteCurrency} action={removeRateAction} />
                      </div>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          )}
          {canEdit ? <Card><CatalogRateForm base={base} action={setRateAction} /></Card> : null}
        </div>
      </ClientMessages>
    </>
  );
}
