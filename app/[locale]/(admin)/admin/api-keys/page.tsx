import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { API_KEY_SCOPES } from "@/lib/api-keys/api-key-format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { ClientMessages } from "@/components/layout/client-messages";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/admin/api-key-forms";

export default async function AdminApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/api-keys", ADMIN_ROLES);
  const keys = await listApiKeys(viewer);
  const t = await getTranslations("AdminApiKeys");
  const format = await getFormatter();
  const now = Date.now();
  const when = (d: Date | null, fallback: string) => (d ? format.dateTime(d, { dateStyle: "medium" }) : fallback);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["AdminApiKeys"]}>
        <Card className="mb-8">
          <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
          <CreateApiKeyForm scopes={API_KEY_SCOPES} />
        </Card>
        <h2 className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
        {keys.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : (
          <Table head={[t("name"), t("prefix"), t("scopes"), t("lastUsed"), t("expires"), t("status"), t("actions")]} caption={t("listTitle")}>
            {keys.map((k) => {
              const expired = k.expiresAt !== null && k.expiresAt.getTime() <= now;
              return (
                <tr key={k.id} data-testid={`api-key-${k.prefix}`}>
                  <Td>
                    <span className="font-medium text-slate-900">{k.name}</span>
                    <span className="block break-words text-xs text-slate-500">{t("createdBy", { email: k.user.email, date: k.createdAt })}</span>
                  </Td>
                  <Td><code dir="ltr" className="whitespace-nowrap text-xs">{k.prefix}…</code></Td>
                  <Td><span className="flex flex-wrap gap-1">{k.scopes.map((s) => <code key={s} dir="ltr" className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{s}</code>)}</span></Td>
                  <Td className="whitespace-nowrap">{when(k.lastUsedAt, t("never"))}</Td>
                  <Td className="whitespace-nowrap">{when(k.expiresAt, t("noExpiry"))}</Td>
                  <Td>
                    {k.revokedAt ? <Badge tone="red">{t("revoked")}</Badge> : expired ? <Badge>{t("expired")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                    {k.revokedAt ? <span className="mt-0.5 block whitespace-nowrap text-xs text-slate-500">{when(k.revokedAt, "")}</span> : null}
                  </Td>
                  <Td>{k.revokedAt ? null : <RevokeApiKeyButton id={k.id} name={k.name} />}</Td>
                </tr>
              );
            })}
          </Table>
        )}
      </ClientMessages>
    </>
  );
}
