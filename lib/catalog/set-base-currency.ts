import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, type CatalogContext } from "./catalog-access";
import { BASE_CURRENCY_SETTING, getBaseCurrency } from "./exchange-rate-queries";
import { setBaseCurrencySchema } from "./schemas";

/**
 * An admin changes the currency every exchange rate is quoted against. Rates entered for the
 * old base are kept (and come back if it is chosen again) but are not used meanwhile.
 */
export async function setBaseCurrency(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ base: string }> {
  const actor = catalogAdmin(viewer, ctx);
  const { baseCurrency } = parseInput(setBaseCurrencySchema, input);
  return db.$transaction(async (tx) => {
    const from = await getBaseCurrency(tx);
    if (from === baseCurrency) return { base: from };
    await tx.setting.upsert({ where: { key: BASE_CURRENCY_SETTING }, create: { key: BASE_CURRENCY_SETTING, value: baseCurrency }, update: { value: baseCurrency } });
    await recordAudit(tx, actor, "catalog.base_currency_set", { type: "setting", id: BASE_CURRENCY_SETTING }, { from, to: baseCurrency });
    return { base: baseCurrency };
  });
}
