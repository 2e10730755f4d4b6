import type { DbOrTx } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { ActorType } from "@/lib/generated/prisma/enums";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type AuditActor = { type: ActorType; id?: string | null; ip?: string | null; requestId?: string | null };

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(
  tx: DbOrTx,
  actor: AuditActor,
  action: string,
  target?: { type: string; id: string },
  data?: InputJsonValue,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId("audit"),
      actorType: actor.type,
      actorId: actor.id ?? null,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      data: data ?? undefined,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
}
