import { db } from "@/lib/db";

export async function listEmails(take = 100) {
  return db.email.findMany({ orderBy: { createdAt: "desc" }, take, select: { id: true, to: true, subject: true, status: true, createdAt: true, template: true } });
}

export async function getEmail(id: string) {
  return db.email.findUnique({ where: { id } });
}

export async function countEmailsSince(since: Date): Promise<number> {
  return db.email.count({ where: { createdAt: { gte: since } } });
}
