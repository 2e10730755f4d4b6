import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EmptyState } from "@/components/ui/card";
import type { FormAction, ReleaseActionState } from "./action-states";
import { ReleaseActivationButton } from "./release-activation-button";

export type ActivationRow = {
  id: string;
  kind: "FINGERPRINT" | "DOMAIN";
  identifier: string;
  label: string | null;
  status: "ACTIVE" | "RELEASED" | "DEAD";
  countsToLimit: boolean;
  lastSeenAt: Date | null;
  createdAt: Date;
};

const STATUS_TONE = { ACTIVE: "green", RELEASED: "slate", DEAD: "amber" } as const;

// A table on wide screens; on phones every row becomes a small card whose cells carry their
// column name (data-label), so the release button never hides behind a sideways scroll.
const CELL = "px-4 py-3 text-slate-700 max-sm:p-0";
const LABELLED = `${CELL} max-sm:before:mb-0.5 max-sm:before:block max-sm:before:text-xs max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]`;

function Cell({ label, className = "", children }: { label?: string; className?: string; children: ReactNode }) {
  return <td data-label={label} className={`${label ? LABELLED : CELL} ${className}`}>{children}</td>;
}

/** Devices and sites of one license; with `release`, active rows get a release button. */
export async function ActivationsTable({ licenseId, activations, release, releaseHintId }: {
  licenseId: string;
  activations: ActivationRow[];
  release?: { action: FormAction<ReleaseActionState>; label: string };
  releaseHintId?: string;
}) {
  const t = await getTranslations("LicenseDetail");
  const format = await getFormatter();
  if (activations.length === 0) return <EmptyState>{t("noActivations")}</EmptyState>;
  const head = [t("identifier"), t("activationStatusHeader"), t("lastSeen"), t("activated"), ...(release ? [t("actions")] : [])];
  return (
    <div className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="sr-only">{t("activationsTitle")}</caption>
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>{head.map((h) => <th key={h} scope="col" className="px-4 py-3 text-start font-semibold text-slate-700">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {activations.map((a) => (
            <tr key={a.id} data-testid={`activation-${a.id}`} className={`max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:gap-y-3 max-sm:p-4 ${a.status === "ACTIVE" ? "" : "bg-slate-50/60"}`}>
              <Cell className="max-sm:col-span-2">
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium text-slate-900">{a.label ?? t(`kind.${a.kind}`)}</span>
                  {a.label ? <span className="text-xs text-slate-500">{t(`kind.${a.kind}`)}</span> : null}
                </span>
                <code dir="ltr" title={a.identifier} className="mt-0.5 block max-w-[16rem] truncate font-mono text-xs text-slate-500">{a.identifier}</code>
                {a.countsToLimit ? null : <span className="mt-0.5 block text-xs text-slate-500">{t("notCounted")}</span>}
              </Cell>
              <Cell label={head[1]}><Badge tone={STATUS_TONE[a.status]}>{t(`activationStatus.${a.status}`)}</Badge></Cell>
              <Cell label={head[2]} className="whitespace-nowrap">{a.lastSeenAt ? format.dateTime(a.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</Cell>
              <Cell label={head[3]} className="whitespace-nowrap">{format.dateTime(a.createdAt, { dateStyle: "medium" })}</Cell>
              {release ? (
                <Cell className="max-sm:col-span-2">
                  <ReleaseActivationButton action={release.action} licenseId={licenseId} activationId={a.id} active={a.status === "ACTIVE"} label={release.label} describedBy={releaseHintId} />
                </Cell>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
