import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { NormalizedEvent } from "./gateway";

// The webhook inbox: every verified event is stored once per (provider, eventId). A delivery of an
// event already processed is acknowledged without doing anything; one whose processing failed
// before is processed again (every step of processing is idempotent).

export type RecordedEvent = { id: string; created: boolean; processed: boolean };

function jsonPayload(payload: unknown): InputJsonValue {
  return JSON.parse(JSON.stringify(payload ?? null, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as InputJsonValue;
}

export async function recordWebhookEvent(event: NormalizedEvent): Promise<RecordedEvent> {
  const id = newId("event");
  const { count } = await db.paymentEvent.createMany({
    data: [{ id, provider: event.provider, eventId: event.eventId, type: event.type.slice(0, 200), payload: jsonPayload(event.payload) }],
    skipDuplicates: true,
  });
  if (count === 1) return { id, created: true, processed: false };
  const existing = await db.paymentEvent.findUniqueOrThrow({ where: { provider_eventId: { provider: event.provider, eventId: event.eventId } }, select: { id: true, processedAt: true } });
  return { id: existing.id, created: false, processed: existing.processedAt !== null };
}

export async function markWebhookEvent(id: string, result: { ok: true; note?: string } | { ok: false; error: string }): Promise<void> {
  await db.paymentEvent.update({
    where: { id },
    data: result.ok
      ? { processedAt: new Date(), attempts: { increment: 1 }, lastError: result.note ?? null }
      : { attempts: { increment: 1 }, lastError: result.error.slice(0, 1000) },
  });
}
