import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/roles";
import { parseInput } from "@/lib/http/parse-input";
import { catalogAdmin, type CatalogContext } from "./catalog-access";
import { formatRate } from "./decimal";
import { getBaseCurrency } from "./exchange-rate-queries";
import { setExchangeRateSchema } from "./schemas";

/** An admin sets "1 base = rate quote" by hand, e.g. 1 USD = 0.9215 EUR (stored as an exact ratio). */
export async function setExchangeRate(viewer: Viewer | null, input: unknown, ctx: CatalogContext = {}): Promise<{ base: string; quoteCurrency: string; rate: string }> {
  const actor = catalogAdmin(viewer, ctx);
  const { quoteCurrency, rate } = parseInput(setExchangeRateSchema, input);
  return db.$transaction(async (tx) => {
    const base = await getBaseCurrency(tx);
    if (quoteCurrency === base) {
      throw new AppError("VALIDATION_FAILED", "The base currency has no rate to itself.", { fields: { quoteCurrency: ["sameCurrency"] } });
    }
    const key = { baseCurrency_quoteCurrency: { baseCurrency: base, quoteCurrency } };
    const before = await tx.exchangeRate.findUnique({ where: key, select: { rateNum: true, rateDen: true } });
    const values = { rateNum: rate.num, rateDen: rate.den, source: "MANUAL" as const, updatedById: actor.id ?? null };
    await tx.exchangeRate.upsert({ where: key, create: { baseCurrency: base, quoteCurrency, ...values }, update: values });
    const text = formatRate(rate);
    await recordAudit(tx, actor, "exchange_rate.set", { type: "exchange_rate", id: `${base}/${quoteCurrency}` }, {
      base, quote: quoteCurrency, from: before ? formatRate({ num: before.rateNum, den: before.rateDen }) : null, to: text,
    });
    return { base, quoteCurrency, rate: text };
  });
}
