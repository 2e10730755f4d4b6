// The transactional outbox without Resend configured: rows commit with their transaction, keys
// dedupe, and delivery moves them to the local outbox (the development inbox).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { enqueueEmail, type OutgoingEmail } from "@/lib/notifications/enqueue-email";
import { deliverQueuedEmails } from "@/lib/notifications/deliver-queued-emails";
import { deliverSoon, startEmailDelivery } from "@/lib/notifications/deliver-soon";
import { sendEmail } from "@/lib/notifications/send-email";
import { uniqueEmail } from "../support/factories";

function anEmail(to = uniqueEmail("outbox")): OutgoingEmail {
  return { to, subject: "Hello", html: "<p>Hello</p>", text: "Hello", template: "test", locale: "en" };
}

describe("enqueueEmail", () => {
  it("writes nothing when the caller's transaction rolls back", async () => {
    const key = `test:${newId("order")}`;
    await expect(db.$transaction(async (tx) => {
      await enqueueEmail(tx, anEmail(), { idempotencyKey: key });
      throw new Error("payment capture failed");
    })).rejects.toThrow("payment capture failed");
    expect(await db.email.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("commits the email with the business change, QUEUED and due now", async () => {
    const key = `test:${newId("order")}`;
    const userId = newId("user");
    const email = anEmail();
    const { id, created } = await db.$transaction(async (tx) => {
      await tx.user.create({ data: { id: userId, email: email.to, passwordHash: "x" } });
      return enqueueEmail(tx, email, { idempotencyKey: key });
    });
    expect(created).toBe(true);
    const row = await db.email.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, idempotencyKey: key, to: email.to, sentAt: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.user.count({ where: { id: userId } })).toBe(1);
  });

  it("makes one row for one key, called twice", async () => {
    const key = `test:${newId("order")}`;
    const first = await enqueueEmail(db, anEmail(), { idempotencyKey: key });
    const second = await enqueueEmail(db, anEmail(), { idempotencyKey: key });
    expect(second).toEqual({ id: first.id, created: false });
    expect(await db.email.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("makes one row for one key from 12 concurrent transactions", async () => {
    const key = `test:${newId("order")}`;
    const results = await Promise.all(Array.from({ length: 12 }, () =>
      db.$transaction(async (tx) => {
        const r = await enqueueEmail(tx, anEmail(), { idempotencyKey: key });
        await new Promise((resolve) => setTimeout(resolve, 20)); // keep the insert uncommitted a while
        return r;
      })));
    expect(await db.email.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });

  it("refuses an empty or oversized key", async () => {
    await expect(enqueueEmail(db, anEmail(), { idempotencyKey: "" })).rejects.toThrow();
    await expect(enqueueEmail(db, anEmail(), { idempotencyKey: "k".repeat(257) })).rejects.toThrow();
  });
});

describe("delivery without Resend", () => {
  it("moves due emails to the local outbox, once", async () => {
    const { id } = await enqueueEmail(db, anEmail(), { idempotencyKey: `test:${newId("order")}` });
    const report = await deliverQueuedEmails({ ids: [id] });
    expect(report).toMatchObject({ claimed: 1, outbox: 1 });
    const row = await db.email.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("OUTBOX");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await deliverQueuedEmails({ ids: [id] })).toMatchObject({ claimed: 0 });
  });

  it("sendEmail queues and delivers at once", async () => {
    const email = anEmail();
    const id = await sendEmail(email);
    expect(await db.email.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OUTBOX", to: email.to, attempts: 1 });
    const again = await sendEmail(email, { idempotencyKey: `welcome:${email.to}` });
    expect(await sendEmail(email, { idempotencyKey: `welcome:${email.to}` })).toBe(again);
  });

  it("deliverSoon drains the queue after commit; calls during a pass coalesce", async () => {
    const ids = await db.$transaction(async (tx) => Promise.all(Array.from({ length: 3 }, (_, i) =>
      enqueueEmail(tx, anEmail(), { idempotencyKey: `test:soon:${i}:${newId("order")}` }).then((r) => r.id))));
    await Promise.all([deliverSoon(), deliverSoon(), deliverSoon()]);
    const rows = await db.email.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["OUTBOX", 1], ["OUTBOX", 1], ["OUTBOX", 1]]);
  });

  it("an email queued while a pass runs is delivered before the later deliverSoon settles", async () => {
    await enqueueEmail(db, anEmail(), { idempotencyKey: `test:${newId("order")}` });
    const first = deliverSoon();
    const { id } = await enqueueEmail(db, anEmail(), { idempotencyKey: `test:${newId("order")}` });
    await deliverSoon();
    expect((await db.email.findUniqueOrThrow({ where: { id } })).status).toBe("OUTBOX");
    await first;
    expect(await db.email.count({ where: { status: "QUEUED" } })).toBe(0);
  });

  it("the periodic sweep delivers what was committed but never handed to deliverSoon", async () => {
    const { id } = await enqueueEmail(db, anEmail(), { idempotencyKey: `test:${newId("order")}` });
    const sweep = startEmailDelivery({ intervalMs: 25 });
    try {
      await expect.poll(async () => (await db.email.findUniqueOrThrow({ where: { id } })).status, { timeout: 5000 }).toBe("OUTBOX");
    } finally {
      await sweep.stop();
    }
  });
});
