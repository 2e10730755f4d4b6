import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { CurrencySelector } from "./currency-selector";

/** The title row of storefront pages, with the currency choice at the end (start in RTL). */
export function StorefrontToolbar({ title, subtitle, currency, currencies, children }: {
  title: string; subtitle?: string; currency: string; currencies: string[]; children?: ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        {children}
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
        {subtitle ? <p className="mt-2 max-w-2xl text-slate-600">{subtitle}</p> : null}
      </div>
      <ClientMessages namespaces={["Storefront"]}>
        <CurrencySelector currency={currency} currencies={currencies} />
      </ClientMessages>
    </div>
  );
}
