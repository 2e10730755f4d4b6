import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LicenseDisplayStatus } from "@/lib/licensing/display-status";
import { LicenseStatusBadge } from "./license-status-badge";

export type LicenseFactsInput = {
  displayStatus: LicenseDisplayStatus;
  expiresAt: Date | null;
  graceEndsAt: Date | null;
  seats: number;
  activationsUsed: number;
  entitlements: string[];
  createdAt: Date;
  keyRotatedAt: Date | null;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}

/** Status, expiry (with grace), seats and features of a license, as a grid of small cards. */
export async function LicenseFacts({ license, extra }: { license: LicenseFactsInput; extra?: ReactNode }) {
  const t = await getTranslations("LicenseDetail");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const percent = license.seats > 0 ? Math.min(100, Math.round((license.activationsUsed / license.seats) * 100)) : 100;
  const full = license.activationsUsed >= license.seats;
  const inGrace = license.displayStatus === "IN_GRACE" && license.graceEndsAt;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-3">
      <Fact label={t("statusLabel")}>
        <LicenseStatusBadge status={license.displayStatus} />
      </Fact>
      <Fact label={t("expires")}>
        <span className="font-semibold">{license.expiresAt ? date(license.expiresAt) : t("perpetual")}</span>
        {inGrace ? <span className="mt-1 block text-sm text-amber-800">{t("graceUntil", { date: license.graceEndsAt! })}</span> : null}
        {license.expiresAt && license.graceEndsAt && !inGrace && license.graceEndsAt.getTime() !== license.expiresAt.getTime() ? (
          <span className="mt-1 block text-sm text-slate-500">{t("graceAfter", { date: license.graceEndsAt })}</span>
        ) : null}
      </Fact>
      <Fact label={t("seats")}>
        <span className="font-semibold">{t("seatsUsed", { used: license.activationsUsed, limit: license.seats })}</span>
        <span aria-hidden className="mt-2 block h-1.5 overflow-hidden rounded-full bg-slate-100">
          <span className={`block h-full rounded-full ${full ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
        </span>
      </Fact>
      <Fact label={t("entitlements")}>
        {license.entitlements.length === 0 ? (
          <span className="text-sm text-slate-500">{t("noEntitlements")}</span>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {license.entitlements.map((e) => <li key={e}><code className="rounded-md bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-600/20">{e}</code></li>)}
          </ul>
        )}
      </Fact>
      <Fact label={t("issued")}>
        <span>{date(license.createdAt)}</span>
        {license.keyRotatedAt ? <span className="mt-1 block text-sm text-slate-500">{t("keyRotatedOn", { date: license.keyRotatedAt })}</span> : null}
      </Fact>
      {extra}
    </dl>
  );
}

export { Fact as LicenseFact };
