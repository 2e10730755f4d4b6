import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { listSubscriptionsForOwner } from "@/lib/subscriptions/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { CancelSubscriptionButton } from "@/components/portal/cancel-subscription-button";
import { cancelSubscriptionAction } from "./actions";

const STATUS_TONE = {
  ACTIVE: "green", TRIALING: "green", PAST_DUE: "amber", UNPAID: "red", PAUSED: "slate", CANCELED: "slate", INCOMPLETE: "amber", INCOMPLETE_EXPIRED: "slate",
} as const;

export default async function SubscriptionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/subscriptions");
  const t = await getTranslations("Subscriptions");
  const format = await getFormatter();
  const subscriptions = await listSubscriptionsForOwner(viewer.id);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {subscriptions.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ClientMessages namespaces={["Subscriptions"]}>
          <ul className="grid gap-4" data-testid="subscription-list">
            {subscriptions.map((s) => (
              <li key={s.id} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="font-semibold text-slate-900">{s.productName}</h2>
                    <p className="text-sm text-slate-500">{s.planName}</p>
                  </div>
                  <Badge tone={STATUS_TONE[s.status]}>{t(`status.${s.status}`)}</Badge>
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-3">
                  {s.renewsAt ? (
                    <div><dt className="text-slate-500">{t("renewsOn")}</dt><dd className="mt-0.5 font-medium text-slate-900">{date(s.renewsAt)}</dd></div>
                  ) : null}
                  {s.endsAt ? (
                    <div><dt className="text-slate-500">{t("endsOn")}</dt><dd className="mt-0.5 font-medium text-slate-900">{date(s.endsAt)}</dd></div>
                  ) : null}
                  <div><dt className="text-slate-500">{t("licenses")}</dt><dd className="mt-0.5 font-medium text-slate-900">{s.licenses}</dd></div>
                </dl>
                <div className="mt-4">
                  <CancelSubscriptionButton action={cancelSubscriptionAction} subscriptionId={s.id} cancellable={s.cancellable} />
                </div>
              </li>
            ))}
          </ul>
        </ClientMessages>
      )}
    </>
  );
}
