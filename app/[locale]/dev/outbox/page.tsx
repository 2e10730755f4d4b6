import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { OutboxList } from "@/components/admin/outbox-list";

// Development only: every email Keyfront "sent", readable without signing in.
export default async function DevOutboxPage() {
  if (!getEnv().devOutbox) notFound();
  return <div className="mx-auto max-w-6xl px-4 py-10"><OutboxList basePath="/dev/outbox" /></div>;
}
