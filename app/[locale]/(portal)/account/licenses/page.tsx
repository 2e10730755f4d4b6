import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { listLicensesForOwner } from "@/lib/licensing/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LicenseStatusBadge } from "@/components/licensing/license-status-badge";
import { Link } from "@/lib/i18n/navigation";

export default async function LicensesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/licenses");
  const t = await getTranslations("PortalLicenses");
  const d = await getTranslations("LicenseDetail");
  const format = await getFormatter();
  const licenses = await listLicensesForOwner(viewer.id);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <>
      <PageHeader title={t("title")} description={t("count", { count: licenses.length })} />
      {licenses.length === 0 ? (
        <EmptyState action={<Link href="/" className="text-sm font-medium text-brand-600 hover:underline">{t("shopNow")}</Link>}>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4" data-testid="license-list">
          {licenses.map((l) => {
            const full = l.activationsUsed >= l.seats;
            return (
              <li key={l.id} className="relative rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-500 focus-within:ring-2 focus-within:ring-brand-600">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="font-semibold text-slate-900">
                      <Link href={`/account/licenses/${l.id}`} className="after:absolute after:inset-0 focus:outline-none">{l.product.name}</Link>
                    </h2>
                    <p className="text-sm text-slate-500">{l.plan.name}</p>
                  </div>
                  <LicenseStatusBadge status={l.displayStatus} />
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-500">{d("key")}</dt>
                    <dd className="mt-0.5"><code dir="ltr" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{l.keyHint}</code></dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{d("seats")}</dt>
                    <dd className={`mt-0.5 font-medium ${full ? "text-amber-800" : "text-slate-900"}`}>{d("seatsUsed", { used: l.activationsUsed, limit: l.seats })}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{d("expires")}</dt>
                    <dd className="mt-0.5 font-medium text-slate-900">
                      {l.expiresAt ? date(l.expiresAt) : d("perpetual")}
                      {l.displayStatus === "IN_GRACE" && l.graceEndsAt ? <span className="block text-xs font-normal text-amber-800">{d("graceUntil", { date: l.graceEndsAt })}</span> : null}
                    </dd>
                  </div>
                </dl>
                <p aria-hidden className="mt-4 text-sm font-medium text-brand-600">{t("manage")} <span className="inline-block rtl:rotate-180">→</span></p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
