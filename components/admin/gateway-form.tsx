"use client";

import { useTranslations } from "next-intl";
import type { GatewayFieldSetting } from "@/lib/payments/list-gateway-settings";
import { Badge } from "@/components/ui/card";
import { CatalogForm, type CatalogAction } from "./catalog-form";
import { CatalogCheckbox, CatalogInput } from "./catalog-fields";

/**
 * One gateway's credentials. Values from the environment are shown read-only (they win over
 * stored ones); the others can be typed in: blank keeps what is stored, "clear" removes it.
 * Secrets are never sent to the browser, only their masked form.
 */
export function GatewayForm({ gateway, fields, action }: { gateway: string; fields: GatewayFieldSetting[]; action: CatalogAction }) {
  const t = useTranslations("AdminGateways");
  return (
    <CatalogForm action={action} id={`gateway-${gateway}`} submitLabel={t("save")} hidden={{ gateway }} errorNamespace="AdminGateways.errors" className="space-y-4">
      {fields.map((f) => {
        const label = `${t(`fields.${f.name}`)}${f.required ? "" : ` (${t("optional")})`}`;
        const current = f.value === null ? t("notSet") : f.value;
        if (f.source === "env") {
          return (
            <div key={f.name} data-testid={`field-${gateway}-${f.name}`}>
              <p className="text-sm font-medium text-slate-800">{label}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                <code dir="ltr" className="rounded bg-slate-100 px-2 py-1">{current}</code>
                <Badge tone="brand">{t("sourceEnv")}</Badge>
                <code dir="ltr" className="text-xs text-slate-500">{f.envName}</code>
              </p>
            </div>
          );
        }
        return (
          <div key={f.name} className="grid items-start gap-2 sm:grid-cols-[1fr_auto]" data-testid={`field-${gateway}-${f.name}`}>
            <CatalogInput
              name={f.name} label={label} type={f.secret ? "password" : "text"} autoComplete="off" dir="ltr"
              hint={f.source === "database" ? t("storedValue", { value: current }) : t("notSetHint", { env: f.envName })}
            />
            {f.source === "database" ? <CatalogCheckbox name={`clear.${f.name}`} label={t("clear")} className="sm:mt-8" /> : null}
          </div>
        );
      })}
    </CatalogForm>
  );
}
