import { db } from "@/lib/db";

const PAGE_SIZE = 50;

/** Audit entries, newest first, optionally filtered by action prefix or target id. */
export async function listAuditEntries({ action = "", target = "", page = 1 }: { action?: string; target?: string; page?: number } = {}) {
  const where = {
    ...(action ? { action: { startsWith: action.slice(0, 100) } } : {}),
    ...(target ? { targetId: target.slice(0, 100) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where, orderBy: { createdAt: "desc" }, skip: (Math.max(1, page) - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: { id: true, actorType: true, action: true, targetType: true, targetId: true, data: true, createdAt: true, actor: { select: { email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows, total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
