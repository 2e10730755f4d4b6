import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { listPromoCodesForAdmin } from "@/lib/promo/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";

export default async function AdminPromoCodesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/promo-codes");
  const sp = await searchParams;
  const result = await listPromoCodesForAdmin(viewer, { cursor: typeof sp.cursor === "string" ? sp.cursor : undefined });
  const t = await getTranslations("AdminPromo");
  const c = await getTranslations("Common");
  const format = await getFormatter();
  const newCode = viewer.role === "ADMIN" ? <Link href="/admin/promo-codes/new" className={buttonClass()}>{t("newCode")}</Link> : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={newCode} />
      {result.items.length === 0 ? <EmptyState>{t("noCodes")}</EmptyState> : (
        <Table head={[t("code"), t("discount"), t("usage"), t("periodStart"), t("status")]} caption={t("title")}>
          {result.items.map((p) => (
            <tr key={p.id} data-testid={`promo-row-${p.code}`}>
              <Td>
                <Link href={`/admin/promo-codes/${p.id}`} className="font-mono font-medium text-brand-700 hover:underline" dir="ltr">{p.code}</Link>
              </Td>
              <Td>
                {p.kind === "PERCENT" && p.percentBp !== null
                  ? format.number(p.percentBp / 10_000, { style: "percent", maximumFractionDigits: 2 })
                  : <span dir="ltr">{Object.entries(p.amounts ?? {}).map(([cur, amount]) => `${amount} ${cur}`).join(", ")}</span>}
              </Td>
              <Td className="whitespace-nowrap">
                {p.maxRedemptions === null ? t("usageUnlimited", { used: p.usage.used }) : t("usageOf", { used: p.usage.used, max: p.maxRedemptions })}
              </Td>
              <Td className="whitespace-nowrap">
                {p.resetPeriod === "NONE" ? t("resetNONE") : `${t(`reset${p.resetPeriod}`)} · ${p.usage.periodStart ? format.dateTime(p.usage.periodStart, { dateStyle: "medium", timeZone: "UTC" }) : "—"}`}
              </Td>
              <Td>{p.active ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</Td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label={t("title")} className="mt-4 flex flex-wrap justify-between gap-2">
        {result.cursor ? <Link href="/admin/promo-codes" className={buttonClass("secondary")}>{c("previous")}</Link> : <span />}
        {result.nextCursor ? <Link href={{ pathname: "/admin/promo-codes", query: { cursor: result.nextCursor } }} className={buttonClass("secondary")} rel="next">{c("next")}</Link> : null}
      </nav>
    </>
  );
}
