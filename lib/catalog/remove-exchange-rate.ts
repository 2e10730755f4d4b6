import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, type CatalogContext } from "./catalog-access";
import { formatRate } from "./decimal";
import { getBaseCurrency } from "./exchange-rate-queries";
import { removeExchangeRateSchema } from "./schemas";

/** An admin removes a rate; prices can then no longer be converted into that currency. */
export async function removeExchangeRate(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ removed: boolean }> {
  const actor = catalogAdmin(viewer, ctx);
  const { quoteCurrency } = parseInput(removeExchangeRateSchema, input);
  return db.$transaction(async (tx) => {
    const base = await getBaseCurrency(tx);
    const key = { baseCurrency_quoteCurrency: { baseCurrency: base, quoteCurrency } };
    const before = await tx.exchangeRate.findUnique({ where: key, select: { rateNum: true, rateDen: true } });
    if (!before) return { removed: false };
    await tx.exchangeRate.delete({ where: key });
    await recordAudit(tx, actor, "exchange_rate.removed", { type: "exchange_rate", id: `${base}/${quoteCurrency}` }, {
      base, quote: quoteCurrency, from: formatRate({ num: before.rateNum, den: before.rateDen }),
    });
    return { removed: true };
  });
}
