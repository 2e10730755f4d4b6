import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { OutboxEmail } from "@/components/admin/outbox-list";

export default async function AdminOutboxEmailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  await requireStaffPage(locale, "/outbox");
  return (await OutboxEmail({ id })) ?? notFound();
}
