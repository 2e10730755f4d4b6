// Delivery through Resend, against the local fake Resend API: ids, retries with backoff, permanent
// failures, crash recovery and concurrent deliverers, each email sent exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { enqueueEmail, type OutgoingEmail } from "@/lib/notifications/enqueue-email";
import { deliverQueuedEmails } from "@/lib/notifications/deliver-queued-emails";
import { EMAIL_LEASE_MS, EMAIL_MAX_ATTEMPTS, retryDelayMs } from "@/lib/notifications/delivery-policy";
import { sendEmail } from "@/lib/notifications/send-email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { uniqueEmail } from "../support/factories";

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
  // read on first use of the environment, which no test has triggered yet
  process.env.RESEND_API_KEY = fake.apiKey;
  process.env.RESEND_BASE_URL = fake.url;
  process.env.EMAIL_FROM = "Keyfront Store <store@keyfront.test>";
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.reset());

function anEmail(subject = "Your receipt"): OutgoingEmail {
  return { to: uniqueEmail("buyer"), subject, html: `<p>${subject}</p>`, text: subject, template: "orderReceipt", locale: "en" };
}

async function queue(email = anEmail()) {
  const { id } = await enqueueEmail(db, email, { idempotencyKey: `test:${newId("order")}` });
  return id;
}

const later = (base: Date, ms: number) => new Date(base.getTime() + ms);
const row = (id: string) => db.email.findUniqueOrThrow({ where: { id } });

describe("delivery through Resend", () => {
  it("sends with the row id as idempotency key and records Resend's id", async () => {
    const email = anEmail();
    const id = await queue(email);
    expect(await deliverQueuedEmails({ ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });
    expect(fake.accepted).toHaveLength(1);
    const accepted = fake.accepted[0]!;
    expect(accepted).toMatchObject({ from: "Keyfront Store <store@keyfront.test>", to: [email.to], subject: email.subject, html: email.html, text: email.text, idempotencyKey: id });
    expect(fake.requests[0]!.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(await row(id)).toMatchObject({ status: "SENT", providerId: accepted.id, attempts: 1, error: null });
  });

  it("retries 500s with exponential backoff and sends once", async () => {
    fake.failNext({ status: 500 }, { status: 500 });
    const id = await queue();
    const t0 = new Date();
    expect(await deliverQueuedEmails({ ids: [id], now: t0 })).toMatchObject({ retrying: 1 });
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(afterFirst.error).toContain("500 internal_server_error");
    expect(afterFirst.nextAttemptAt.getTime()).toBe(later(t0, retryDelayMs(1)).getTime());

    expect(await deliverQueuedEmails({ ids: [id], now: later(t0, retryDelayMs(1) - 1000) })).toMatchObject({ claimed: 0 });
    const t1 = later(t0, retryDelayMs(1));
    expect(await deliverQueuedEmails({ ids: [id], now: t1 })).toMatchObject({ retrying: 1 });
    expect((await row(id)).nextAttemptAt.getTime()).toBe(later(t1, retryDelayMs(2)).getTime());
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    expect(await deliverQueuedEmails({ ids: [id], now: later(t1, retryDelayMs(2) - 1000) })).toMatchObject({ claimed: 0 });
    expect(await deliverQueuedEmails({ ids: [id], now: later(t1, retryDelayMs(2)) })).toMatchObject({ sent: 1 });

    expect(fake.requests.map((r) => [r.status, r.idempotencyKey])).toEqual([[500, id], [500, id], [200, id]]);
    expect(fake.accepted).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3, providerId: fake.accepted[0]!.id, error: null });
  });

  it("fails a permanent 422 at once, without retrying", async () => {
    fake.failAlways({ status: 422, name: "validation_error", message: "Invalid `to` field." });
    const id = await queue();
    expect(await deliverQueuedEmails({ ids: [id] })).toMatchObject({ failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, providerId: null });
    expect(failed.error).toContain("422 validation_error: Invalid `to` field.");
    expect(await deliverQueuedEmails({ ids: [id], now: later(new Date(), 86_400_000) })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.accepted).toHaveLength(0);
  });

  it("gives up after the maximum attempts when the provider keeps failing", async () => {
    fake.failAlways({ status: 503 });
    const id = await queue();
    let now = new Date();
    for (let attempt = 1; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      const report = await deliverQueuedEmails({ ids: [id], now });
      expect(report).toMatchObject(attempt < EMAIL_MAX_ATTEMPTS ? { retrying: 1 } : { failed: 1 });
      now = later(now, retryDelayMs(attempt));
    }
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: EMAIL_MAX_ATTEMPTS });
    expect(await deliverQueuedEmails({ ids: [id], now: later(now, 86_400_000) })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(EMAIL_MAX_ATTEMPTS);
  });

  it("retries a network failure (provider unreachable)", async () => {
    const id = await queue();
    process.env.RESEND_BASE_URL = "http://127.0.0.1:9"; // discard port: connection refused
    const { getEnv, loadEnv } = await import("@/lib/env");
    Object.assign(getEnv(), { RESEND_BASE_URL: loadEnv().RESEND_BASE_URL });
    try {
      expect(await deliverQueuedEmails({ ids: [id] })).toMatchObject({ retrying: 1 });
      expect((await row(id)).error).toContain("network application_error");
    } finally {
      process.env.RESEND_BASE_URL = fake.url;
      Object.assign(getEnv(), { RESEND_BASE_URL: fake.url });
    }
    expect(await deliverQueuedEmails({ ids: [id], now: later(new Date(), retryDelayMs(1)) })).toMatchObject({ sent: 1 });
  });

  it("a deliverer that died after claiming leaves the email to the next one when its lease ends", async () => {
    const id = await queue();
    const t0 = new Date();
    await db.email.update({ where: { id }, data: { attempts: 1, nextAttemptAt: later(t0, EMAIL_LEASE_MS) } }); // claimed, then crashed
    expect(await deliverQueuedEmails({ ids: [id], now: t0 })).toMatchObject({ claimed: 0 });
    expect(await deliverQueuedEmails({ ids: [id], now: later(t0, EMAIL_LEASE_MS) })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("a crash after Resend accepted but before the row was marked does not send twice", async () => {
    const id = await queue();
    await deliverQueuedEmails({ ids: [id] });
    const { providerId } = await row(id);
    await db.email.update({ where: { id }, data: { status: "QUEUED", providerId: null, sentAt: null } }); // the mark was lost
    expect(await deliverQueuedEmails({ ids: [id], now: later(new Date(), EMAIL_LEASE_MS) })).toMatchObject({ sent: 1 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.accepted).toHaveLength(1);
    expect((await row(id)).providerId).toBe(providerId);
  });

  it("sendEmail delivers through Resend right away", async () => {
    const id = await sendEmail(anEmail("Confirm your email address"));
    expect(await row(id)).toMatchObject({ status: "SENT", providerId: fake.accepted[0]!.id });
  });

  it("two deliverers in parallel on 50 queued emails send each exactly once", async () => {
    await db.email.updateMany({ where: { status: "QUEUED" }, data: { status: "FAILED" } }); // only this test's emails are due
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => queue(anEmail(`Receipt ${i}`))));
    fake.setLatency(5);
    const [a, b] = await Promise.all([deliverQueuedEmails({ limit: 50 }), deliverQueuedEmails({ limit: 50 })]);
    expect(a.claimed + b.claimed).toBe(50);
    expect(a.claimed).toBeGreaterThan(0);
    expect(b.claimed).toBeGreaterThan(0);
    expect(a.sent + b.sent).toBe(50);
    expect(fake.requests).toHaveLength(50);
    expect(new Set(fake.requests.map((r) => r.idempotencyKey))).toEqual(new Set(ids));
    expect(fake.accepted).toHaveLength(50);
    const rows = await db.email.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(50);
  });
});
