// Fulfilment's emails: queued in the transaction that marks the order paid, once per order,
// whatever the number of webhook replays; none when that transaction rolls back.
import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { newId } from "@/lib/ids";
import { issueLicense } from "@/lib/licensing/issue-license";
import { deliverSoon } from "@/lib/notifications/deliver-soon";
import { orderEmailKeys, queueOrderEmails } from "@/lib/notifications/queue-order-emails";
import { createProductWithPlan, createUser } from "../support/factories";

async function orderFor(locale = "de") {
  const user = await createUser({ name: "Grete" });
  await db.user.update({ where: { id: user.id }, data: { locale } });
  const a = await createProductWithPlan();
  const b = await createProductWithPlan();
  await db.product.update({ where: { id: b.product.id }, data: { name: "Brush <Pack>" } });
  const order = await db.order.create({
    data: {
      id: newId("order"), userId: user.id, status: "PENDING", currency: "EUR", quote: {},
      subtotalMinor: 11_000n, discountMinor: 1_000n, taxMinor: 1_900n, totalMinor: 11_900n, walletMinor: 2_000n,
      items: {
        create: [
          { id: newId("orderItem"), planId: a.plan.id, quantity: 2, unitPriceMinor: 5_000n, totalMinor: 10_000n },
          { id: newId("orderItem"), planId: b.plan.id, quantity: 1, unitPriceMinor: 1_000n, totalMinor: 1_000n },
        ],
      },
    },
    include: { items: { orderBy: { id: "asc" } } },
  });
  return { user, order };
}

/** What a payment webhook does: flip PENDING → PAID once, and only then run the side effects. */
async function fulfil(orderId: string, afterEmails?: (tx: Tx) => Promise<void>) {
  const result = await db.$transaction(async (tx) => {
    const flipped = await tx.order.updateMany({ where: { id: orderId, status: "PENDING" }, data: { status: "PAID", paidAt: new Date() } });
    if (flipped.count === 0) return null;
    const items = await tx.orderItem.findMany({ where: { orderId }, orderBy: { id: "asc" } });
    const keys: string[] = [];
    for (const item of items) {
      for (let i = 0; i < item.quantity; i++) keys.push((await issueLicense(tx, { userId: null, planId: item.planId, orderItemId: item.id })).key);
    }
    const ids = await queueOrderEmails(tx, orderId);
    await afterEmails?.(tx);
    return { keys, ids };
  });
  if (result) await deliverSoon();
  return result;
}

describe("queueOrderEmails", () => {
  it("queues a receipt and the license keys in the recipient's locale, delivered after commit", async () => {
    const { user, order } = await orderFor("de");
    const done = await fulfil(order.id);
    expect(done?.keys).toHaveLength(3);
    const emails = await db.email.findMany({ where: { to: user.email }, orderBy: { template: "asc" } });
    expect(emails.map((e) => [e.template, e.status, e.idempotencyKey])).toEqual([
      ["licenseDelivered", "OUTBOX", orderEmailKeys(order.id).licenses],
      ["orderReceipt", "OUTBOX", orderEmailKeys(order.id).receipt],
    ]);
    const [licenses, receipt] = emails as [(typeof emails)[0], (typeof emails)[0]];
    for (const key of done!.keys) {
      expect(licenses.text).toContain(key);
      expect(licenses.html).toContain(`${key}</pre>`);
    }
    expect(licenses.locale).toBe("de");
    expect(licenses.text).toContain("Guten Tag Grete,");
    expect(licenses.html).toContain("Brush &lt;Pack&gt;");
    expect(receipt.subject).toBe(`Beleg für Bestellung ${order.id}`);
    const text = receipt.text.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Test Product — Standard  2 × 50,00 € = 100,00 €");
    expect(text).toContain("Zwischensumme: 110,00 €\nRabatt: -10,00 €\nSteuer: 19,00 €\nGesamtbetrag: 119,00 €\nAus dem Guthaben bezahlt: -20,00 €\nIhrer Zahlungsmethode belastet: 99,00 €");
  });

  it("sends nothing when the fulfilment transaction rolls back after queueing", async () => {
    const { user, order } = await orderFor("en");
    await expect(fulfil(order.id, async () => { throw new Error("invoice numbering failed"); })).rejects.toThrow("invoice numbering failed");
    expect(await db.email.count({ where: { to: user.email } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
  });

  it("eight concurrent webhook deliveries make one receipt and one license email", async () => {
    const { user, order } = await orderFor("en");
    const results = await Promise.all(Array.from({ length: 8 }, () => fulfil(order.id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.email.count({ where: { to: user.email } })).toBe(2);
    expect(await db.license.count({ where: { orderItem: { orderId: order.id } } })).toBe(3);
  });

  it("queued again for the same order, it returns the same emails and adds none", async () => {
    const { user, order } = await orderFor("en");
    const first = await fulfil(order.id);
    const again = await db.$transaction((tx) => queueOrderEmails(tx, order.id));
    expect(again).toEqual(first!.ids);
    expect(await db.email.count({ where: { to: user.email } })).toBe(2);
  });

  it("refuses an order that is not paid", async () => {
    const { order } = await orderFor("en");
    await expect(db.$transaction((tx) => queueOrderEmails(tx, order.id))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(db.$transaction((tx) => queueOrderEmails(tx, "ord_missing"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
