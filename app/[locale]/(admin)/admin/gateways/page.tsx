import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { ADMIN_ROLES } from "@/lib/auth/roles";
import { listGatewaySettings } from "@/lib/payments/list-gateway-settings";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ClientMessages } from "@/components/layout/client-messages";
import { GatewayForm } from "@/components/admin/gateway-form";
import { saveGatewayCredentialsAction } from "./actions";

// Brand names stay as they are in every language; the sandbox is described in the page's language.
const BRANDS: Record<string, string> = { stripe: "Stripe", paypal: "PayPal", cryptomus: "Cryptomus", nowpayments: "NOWPayments", plisio: "Plisio" };

export default async function AdminGatewaysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "/gateways", ADMIN_ROLES);
  const gateways = await listGatewaySettings(viewer);
  const t = await getTranslations("AdminGateways");
  const copy = { copy: t("copy"), copied: t("copied"), failed: t("copyFailed") };
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["AdminGateways", "AdminCatalog", "Validation", "Errors"]}>
        <div className="space-y-6">
          {gateways.map((g) => (
            <Card key={g.id}>
              <section aria-labelledby={`gw-${g.id}`} data-testid={`gateway-${g.id}-card`} className="space-y-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`gw-${g.id}`} className="text-lg font-semibold text-slate-900">{BRANDS[g.id] ?? t("sandbox")}</h2>
                  {g.configured ? <Badge tone="green">{t("configured")}</Badge> : <Badge tone="amber">{t("notConfigured")}</Badge>}
                </div>
                {g.id === "sandbox" ? <p className="text-sm text-slate-600">{t("sandboxNote")}</p> : null}
                <div>
                  <p className="text-sm font-medium text-slate-800">{t("webhookUrl")}</p>
                  <p className="mb-1 text-xs text-slate-500">{t("webhookHint")}</p>
                  <div className="flex flex-wrap items-center gap-2">
                    <code dir="ltr" data-testid={`webhook-${g.id}`} className="break-all rounded bg-slate-100 px-2 py-1 text-sm">{g.webhookUrl}</code>
                    <CopyButton value={g.webhookUrl} labels={copy} />
                  </div>
                </div>
                <GatewayForm gateway={g.id} fields={g.fields} action={saveGatewayCredentialsAction} />
              </section>
            </Card>
          ))}
        </div>
      </ClientMessages>
    </>
  );
}
