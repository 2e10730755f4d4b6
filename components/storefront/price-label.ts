import type { BillingInterval } from "@/lib/generated/prisma/enums";

type Translator = (key: string, values?: Record<string, string | number>) => string;

/** "€12.00 / month", "€99.00 one-time": a formatted price with its billing interval. */
export function priceWithInterval(t: unknown, price: string, interval: BillingInterval): string {
  const tr = t as Translator;
  if (interval === "MONTH") return tr("perMonth", { price });
  if (interval === "YEAR") return tr("perYear", { price });
  return tr("oneTime", { price });
}
