import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setExchangeRate } from "@/lib/catalog/set-exchange-rate";
import { removeExchangeRate } from "@/lib/catalog/remove-exchange-rate";
import { setBaseCurrency } from "@/lib/catalog/set-base-currency";
import { getBaseCurrency, getRateTable, listExchangeRatesForAdmin } from "@/lib/catalog/exchange-rate-queries";
import { adminWhoseAuditFails, catalogCounts, ctx, staff } from "./support";

describe("exchange rates", () => {
  it("start from USD with no rates", async () => {
    expect(await getRateTable()).toEqual({ base: "USD", rates: {} });
  });

  it("an admin sets rates as exact ratios; the rate table gives them to pricing", async () => {
    const admin = await staff();
    expect(await setExchangeRate(admin, { quoteCurrency: "eur", rate: "0.9215" }, ctx)).toEqual({ base: "USD", quoteCurrency: "EUR", rate: "0.9215" });
    await setExchangeRate(admin, { quoteCurrency: "JPY", rate: "151.40" }, ctx);
    await setExchangeRate(admin, { quoteCurrency: "EUR", rate: "0.93" }, ctx);
    expect(await getRateTable()).toEqual({ base: "USD", rates: { EUR: { num: 93n, den: 100n }, JPY: { num: 757n, den: 5n } } });

    const row = await db.exchangeRate.findUniqueOrThrow({ where: { baseCurrency_quoteCurrency: { baseCurrency: "USD", quoteCurrency: "EUR" } } });
    expect(row).toMatchObject({ rateNum: 93n, rateDen: 100n, source: "MANUAL", updatedById: admin.id });
    const support = await staff("SUPPORT");
    expect(await listExchangeRatesForAdmin(support)).toEqual({
      base: "USD",
      rates: [
        { quoteCurrency: "EUR", rate: "0.93", source: "MANUAL", updatedAt: expect.any(Date), updatedBy: admin.email },
        { quoteCurrency: "JPY", rate: "151.4", source: "MANUAL", updatedAt: expect.any(Date), updatedBy: admin.email },
      ],
    });

    expect(await removeExchangeRate(admin, { quoteCurrency: "JPY" }, ctx)).toEqual({ removed: true });
    expect(await removeExchangeRate(admin, { quoteCurrency: "JPY" }, ctx)).toEqual({ removed: false });
    expect(Object.keys((await getRateTable()).rates)).toEqual(["EUR"]);

    const audit = await db.auditLog.findMany({ where: { targetType: "exchange_rate" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.targetId, e.data])).toEqual([
      ["exchange_rate.set", "USD/EUR", { base: "USD", quote: "EUR", from: null, to: "0.9215" }],
      ["exchange_rate.set", "USD/JPY", { base: "USD", quote: "JPY", from: null, to: "151.4" }],
      ["exchange_rate.set", "USD/EUR", { base: "USD", quote: "EUR", from: "0.9215", to: "0.93" }],
      ["exchange_rate.removed", "USD/JPY", { base: "USD", quote: "JPY", from: "151.4" }],
    ]);
    for (const e of audit) expect(e).toMatchObject({ actorId: admin.id, ip: ctx.ip, requestId: ctx.requestId });
  });

  it("follow the base currency setting; rates for another base are kept but unused", async () => {
    const admin = await staff();
    await setExchangeRate(admin, { quoteCurrency: "EUR", rate: "0.9" }, ctx);
    expect(await setBaseCurrency(admin, { baseCurrency: "eur" }, ctx)).toEqual({ base: "EUR" });
    expect(await getBaseCurrency()).toBe("EUR");
    expect(await getRateTable()).toEqual({ base: "EUR", rates: {} });
    await setExchangeRate(admin, { quoteCurrency: "USD", rate: "1.1" }, ctx);
    await expect(setExchangeRate(admin, { quoteCurrency: "EUR", rate: "1" }, ctx)).rejects.toMatchObject({ fields: { quoteCurrency: ["sameCurrency"] } });
    expect(await getRateTable()).toEqual({ base: "EUR", rates: { USD: { num: 11n, den: 10n } } });
    await setBaseCurrency(admin, { baseCurrency: "USD" }, ctx);
    expect(await getRateTable()).toEqual({ base: "USD", rates: { EUR: { num: 9n, den: 10n } } });
    const entries = await db.auditLog.findMany({ where: { action: "catalog.base_currency_set" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.data)).toEqual([{ from: "USD", to: "EUR" }, { from: "EUR", to: "USD" }]);
  });

  it("refuse bad rates and currencies, and non-admins, writing nothing", async () => {
    const admin = await staff();
    await setExchangeRate(admin, { quoteCurrency: "GBP", rate: "0.79" }, ctx);
    const before = await catalogCounts();
    for (const rate of ["0", "-1", "1/3", "abc", "1e3", ""]) {
      await expect(setExchangeRate(admin, { quoteCurrency: "GBP", rate }, ctx), rate).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { rate: [rate ? "rateInvalid" : "required"] } });
    }
    await expect(setExchangeRate(admin, { quoteCurrency: "QQQ", rate: "1" }, ctx)).rejects.toMatchObject({ fields: { quoteCurrency: ["currencyUnknown"] } });
    await expect(setBaseCurrency(admin, { baseCurrency: "XX" }, ctx)).rejects.toMatchObject({ fields: { baseCurrency: ["currencyUnknown"] } });
    await expect(setExchangeRate(await adminWhoseAuditFails(), { quoteCurrency: "GBP", rate: "0.8" }, ctx)).rejects.toMatchObject({ code: "P2003" });
    for (const role of ["SUPPORT", "CUSTOMER"] as const) {
      const viewer = await staff(role);
      await expect(setExchangeRate(viewer, { quoteCurrency: "GBP", rate: "0.5" }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(removeExchangeRate(viewer, { quoteCurrency: "GBP" }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setBaseCurrency(viewer, { baseCurrency: "EUR" }, ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listExchangeRatesForAdmin(await staff("CUSTOMER"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setExchangeRate(null, { quoteCurrency: "GBP", rate: "0.5" }, ctx)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await catalogCounts()).toEqual(before);
    expect((await getRateTable()).rates.GBP).toEqual({ num: 79n, den: 100n });
  });
});
