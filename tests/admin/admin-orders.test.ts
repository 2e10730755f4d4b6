import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { getOrderForAdmin, listOrdersForAdmin } from "@/lib/orders/admin-queries";
import { createPendingOrderFor, createUser, viewerOf } from "../support/factories";

describe("admin order queries", () => {
  it("filter by status, email and order id, page by cursor, and refuse customers", async () => {
    const support = viewerOf(await createUser({ role: "SUPPORT" }));
    const alice = await createUser({ email: `alice-${Date.now()}@shop.test` });
    const bob = await createUser();
    const aliceOrders = [];
    for (let i = 0; i < 3; i++) aliceOrders.push(await createPendingOrderFor(alice.id, { status: i === 0 ? "PAID" : "PENDING" }));
    const bobOrder = await createPendingOrderFor(bob.id, { status: "PAID" });

    const byEmail = await listOrdersForAdmin(support, { email: alice.email.slice(0, 12).toUpperCase() });
    expect(byEmail.items.map((o) => o.id).sort()).toEqual(aliceOrders.map((o) => o.id).sort());
    const paid = await listOrdersForAdmin(support, { status: "PAID" });
    expect(paid.items.map((o) => o.id).sort()).toEqual([bobOrder.id, aliceOrders[0]!.id].sort());
    expect((await listOrdersForAdmin(support, { orderId: bobOrder.id })).items.map((o) => o.id)).toEqual([bobOrder.id]);
    // Malformed filters are dropped, not errors.
    expect((await listOrdersForAdmin(support, { status: "SHIPPED", cursor: "x" })).filter).toMatchObject({ status: undefined, cursor: undefined });

    for (let i = 0; i < 24; i++) await createPendingOrderFor(bob.id);
    const first = await listOrdersForAdmin(support, {});
    expect(first.items).toHaveLength(25);
    const second = await listOrdersForAdmin(support, { cursor: first.nextCursor });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((o) => o.id)).size).toBe(28);

    await expect(listOrdersForAdmin(viewerOf(alice), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getOrderForAdmin(viewerOf(alice), bobOrder.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("one order with its snapshot totals, wallet part, payment and licenses", async () => {
    const admin = viewerOf(await createUser({ role: "ADMIN" }));
    const customer = await createUser();
    const order = await createPendingOrderFor(customer.id, { status: "PAID", totalMinor: 5000n });
    const totals = { subtotalMinor: "6000", volumeDiscountMinor: "600", promoDiscountMinor: "400", discountMinor: "1000", taxMinor: "0", totalMinor: "5000", walletMinor: "1500", dueMinor: "3500" };
    await db.order.update({ where: { id: order.id }, data: { quote: { version: 1, totals, promo: null }, walletMinor: 1500n, gateway: "stripe", gatewayPaymentId: "cs_test_123", paidAt: new Date() } });
    await db.walletEntry.create({ data: { id: newId("walletEntry"), userId: customer.id, currency: "USD", amountMinor: -1500n, kind: "PURCHASE", orderId: order.id, idempotencyKey: `o:${order.id}` } });

    const found = await getOrderForAdmin(admin, order.id);
    expect(found).toMatchObject({
      id: order.id, status: "PAID", walletMinor: 1500n, gateway: "stripe", gatewayPaymentId: "cs_test_123",
      snapshot: { totals: { subtotalMinor: 6000n, volumeDiscountMinor: 600n, promoDiscountMinor: 400n, dueMinor: 3500n } },
      user: { email: customer.email }, licenses: [],
    });
    expect(found?.walletEntries.map((e) => [e.kind, e.amountMinor])).toEqual([["PURCHASE", -1500n]]);
    expect(found?.items).toHaveLength(1);
    expect(await getOrderForAdmin(admin, "ord_01JD3Q8Z6X0000000000000099")).toBeNull();
    expect(await getOrderForAdmin(admin, "../etc")).toBeNull();
  });
});
