import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { OutboxEmail } from "@/components/admin/outbox-list";

export default async function DevOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!getEnv().devOutbox) notFound();
  const email = await OutboxEmail({ id: (await params).id });
  if (!email) notFound();
  return <div className="mx-auto max-w-4xl px-4 py-10">{email}</div>;
}
