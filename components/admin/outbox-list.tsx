import { getFormatter, getTranslations } from "next-intl/server";
import { getEmail, listEmails } from "@/lib/notifications/queries";
import { Link } from "@/lib/i18n/navigation";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const STATUS_TONE = { QUEUED: "amber", OUTBOX: "slate", SENT: "green", FAILED: "red" } as const;

/** Where an email is in delivery: queued (or retrying), in the local outbox, sent, or failed. */
async function StatusBadge({ status }: { status: EmailStatus }) {
  const t = await getTranslations("Email.delivery");
  return <span data-testid="email-status" data-status={status}><Badge tone={STATUS_TONE[status]}>{t(status)}</Badge></span>;
}

/** The email outbox, shared by /admin/outbox and the development page /dev/outbox. */
export async function OutboxList({ basePath }: { basePath: string }) {
  const t = await getTranslations("Outbox");
  const format = await getFormatter();
  const emails = await listEmails();
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {emails.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : (
        <Table head={[t("sent"), t("to"), t("subject"), ""]}>
          {emails.map((e) => (
            <tr key={e.id} data-testid="outbox-row">
              <Td className="whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
              <Td>{e.to}</Td>
              <Td className="font-medium text-slate-900"><span className="me-2">{e.subject}</span><StatusBadge status={e.status} /></Td>
              <Td><Link href={`${basePath}/${e.id}`} className="text-brand-600 hover:underline">{t("open")}</Link></Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** One email: headers, the plain-text body with its links, and the HTML in a script-less sandbox. */
export async function OutboxEmail({ id }: { id: string }) {
  const t = await getTranslations("Outbox");
  const tDelivery = await getTranslations("Email.delivery");
  const email = await getEmail(id);
  if (!email) return null;
  const parts = email.text.split(/(https?:\/\/\S+)/g);
  return (
    <article className="space-y-4">
      <PageHeader title={email.subject} description={`${t("to")}: ${email.to}`} />
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <StatusBadge status={email.status} />
        <span data-testid="email-attempts">{tDelivery("attempts", { count: String(email.attempts) })}</span>
        {email.error ? <code className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-800" data-testid="email-error">{email.error}</code> : null}
      </div>
      <pre className="whitespace-pre-wrap rounded-2xl bg-white p-6 text-sm ring-1 ring-slate-200" data-testid="email-text">
        {parts.map((p, i) => (p.startsWith("http") ? <a key={i} href={p} className="text-brand-600 underline" data-testid="email-link">{p}</a> : p))}
      </pre>
      <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-96 w-full rounded-2xl bg-white ring-1 ring-slate-200" />
    </article>
  );
}
